/**
 * sys_connection_props: every connection property with its current value (secrets masked),
 * including OAuth values the token store holds after a sign-in or refresh.
 */
import { CATEGORIES, PROPERTIES, maskIfSensitive, type ConnectionSettings } from '../connection-string/index.js';
import { formatValue } from '../connection-string/settings.js';
import { defineView, type ViewDefinition } from '../schema/define-view.js';
import type { Row } from '../schema/types.js';

export function sysConnectionProps(settings: ConnectionSettings, oauthValues: () => Promise<Readonly<Record<string, string>>>): ViewDefinition<unknown> {
  return defineView<unknown>({
    name: 'sys_connection_props',
    aliases: [],
    description: 'Every connection property: its current value (secrets masked), default, allowed values, category and how igsql treats it.',
    columns: [
      { name: 'Name', type: 'String', description: 'The canonical property name.' },
      { name: 'ShortDescription', type: 'String', description: 'What the property does.' },
      { name: 'Type', type: 'String', description: 'string, bool, int or an enum.' },
      { name: 'Default', type: 'String', description: 'The default value.' },
      { name: 'Values', type: 'String', description: 'Allowed values of an enum, comma-separated; NULL otherwise.' },
      { name: 'Value', type: 'String', description: 'The current value; secrets show as ****.' },
      { name: 'Required', type: 'Boolean', description: 'Always false: every property has a default.' },
      { name: 'Category', type: 'String', description: `The property group: ${CATEGORIES.join(', ')}.` },
      { name: 'IsSessionProperty', type: 'Boolean', description: 'True for OAuth values a sign-in or refresh changes during the session.' },
      { name: 'Sensitivity', type: 'String', description: 'SENSITIVE for secrets, else NULL.' },
      { name: 'PropertyName', type: 'String', description: 'The name as set in the connection string (the canonical name when not set).' },
      { name: 'Ordinal', type: 'Integer', description: 'Position in the catalog (1-based).' },
      { name: 'Support', type: 'String', description: 'honoured, ignored (accepted for CData compatibility) or unsupported.' },
      { name: 'IsSet', type: 'Boolean', description: 'Whether the connection string sets it.' },
    ],
    keyColumns: [],
    examples: [{ description: 'The properties this connection sets', sql: 'SELECT Name, Value FROM sys_connection_props WHERE IsSet = true' }],
    async *list(): AsyncGenerator<Row[]> {
      yield connectionPropsRows(settings, await oauthValues());
    },
    describe: () => ['(in memory: the connection properties; no Graph request)'],
  });
}

/** OAuth values that change during a session (sign-in, refresh). */
const SESSION = new Set(['OAuthAccessToken', 'OAuthRefreshToken', 'OAuthExpiresIn', 'OAuthTokenTimestamp']);

export function connectionPropsRows(settings: ConnectionSettings, session: Readonly<Record<string, string>>): Row[] {
  return PROPERTIES.map((def, i): Row => {
    const current = session[def.name] ?? formatValue(def.name, settings.values[def.name]);
    return {
      Name: def.name,
      ShortDescription: def.description,
      Type: def.type.label,
      Default: def.defaultText ?? formatValue(def.name, def.default),
      Values: def.type.allowed.length > 0 ? def.type.allowed.join(',') : null,
      Value: current === '' ? null : String(maskIfSensitive(def.name, current)),
      Required: false,
      Category: def.category,
      IsSessionProperty: SESSION.has(def.name),
      Sensitivity: def.sensitive ? 'SENSITIVE' : null,
      PropertyName: def.name,
      Ordinal: i + 1,
      Support: def.support,
      IsSet: settings.explicit.has(def.name),
    };
  });
}
