/** The catalog of one connection: the Instagram views, the OAuth procedures, and the system tables. */
import type { ConnectionSettings } from '../connection-string/index.js';
import { Catalog } from '../schema/catalog.js';
import type { ViewApi } from '../schema/view-api.js';
import { INSTAGRAM_VIEWS } from '../schema/views/index.js';
import type { ProcedureDefinition } from '../procedures/define-procedure.js';
import type { ViewDefinition } from '../schema/define-view.js';
import { OAUTH_PROCEDURES } from '../procedures/index.js';
import { sysConnectionProps } from './sys-connection-props.js';

export function buildCatalog(
  settings: ConnectionSettings,
  oauthValues: () => Promise<Readonly<Record<string, string>>>,
): Catalog<ViewApi> {
  const { Tables, Views } = settings.values;
  const listed = new Set([...Tables, ...Views].map((name) => name.trim().toLowerCase()).filter((n) => n !== ''));
  return new Catalog<ViewApi>({
    views: INSTAGRAM_VIEWS,
    // Procedures get the query's api, which carries `auth` (connection/auth-api.ts) besides the ViewApi.
    procedures: OAUTH_PROCEDURES as readonly ProcedureDefinition<unknown>[] as readonly ProcedureDefinition<ViewApi>[],
    systemViews: [() => sysConnectionProps(settings, oauthValues) as ViewDefinition<ViewApi>],
    ...(listed.size > 0 ? { reported: (view) => [view.name, ...view.aliases].some((n) => listed.has(n.toLowerCase())) } : {}),
  });
}
