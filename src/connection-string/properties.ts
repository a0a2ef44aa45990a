import { PROPERTIES } from './catalog/index.js';
import type { ConnectionProperties, PropertyDefinition, PropertyName } from './connection-properties.js';
import { applyCrossFieldRules } from './cross-field.js';
import type { ResolutionState } from './cross-field.js';
import { findProperty } from './lookup.js';
import { ignoredValue, invalidValue, unknownProperty, unsupportedValue } from './messages.js';
import { scanConnectionString } from './parse.js';
import type { ConnectionStringPair, ParsedConnectionString } from './parse.js';
import { problemsError } from './problems.js';
import { ConnectionSettings, formatValue } from './settings.js';

export { CATALOG, PROPERTIES } from './catalog/index.js';
export { CATEGORIES } from './connection-properties.js';
export type {
  ConnectionProperties,
  PropertyCategory,
  PropertyDefinition,
  PropertyName,
  PropertySupport,
} from './connection-properties.js';
export type { PropertyKind, PropertyType } from './property-types.js';
export { findProperty, isSensitiveName, normalizeName } from './lookup.js';
export { ConnectionSettings } from './settings.js';

/** Every property at its default. */
export function defaultProperties(): ConnectionProperties {
  return Object.fromEntries(PROPERTIES.map((def) => [def.name, def.default])) as unknown as ConnectionProperties;
}

/**
 * Resolves a connection string (text, or already parsed) against the catalog: finds each key's
 * property (case and spaces ignored, aliases allowed; a property given twice: the last wins),
 * coerces and checks each value, applies the rules between properties, and fills in defaults.
 * An empty value means the default. Throws one IgsqlError listing every problem, grammar included (`config`, or
 * `unsupported` when all problems are CData features igsql refuses); `details.problems` lists them.
 */
export function resolveConnectionProperties(input: string | ParsedConnectionString): ConnectionSettings {
  const { parsed, problems } = typeof input === 'string' ? scanConnectionString(input) : { parsed: input, problems: [] };
  // A property whose pair did not parse is left out of the rules between properties.
  const unreadable = problems.flatMap((p) => findProperty(p.property ?? '')?.name ?? []);
  const pairs = new Map<PropertyName, ConnectionStringPair>();
  for (const pair of parsed.pairs) {
    const def = findProperty(pair.key);
    if (def === undefined) {
      problems.push(unknownProperty(pair));
      continue;
    }
    pairs.delete(def.name);
    pairs.set(def.name, pair);
  }
  const state: ResolutionState = {
    values: defaultProperties(),
    explicit: new Set(),
    pairs,
    failed: new Set(unreadable),
    problems,
    warnings: [],
  };
  for (const [name, pair] of pairs) {
    if (pair.value !== '') coerce(state, findProperty(name)!, pair);
  }
  applyCrossFieldRules(state);
  if (problems.length > 0) throw problemsError(problems);
  return new ConnectionSettings(state.values, state.explicit, state.warnings);
}

function coerce(state: ResolutionState, def: PropertyDefinition, pair: ConnectionStringPair): void {
  const result = def.type.schema.safeParse(pair.value);
  if (!result.success) {
    state.failed.add(def.name);
    state.problems.push(invalidValue(def, pair, result.error.issues[0]!.message));
    return;
  }
  if (def.support !== 'honoured' && formatValue(def.name, result.data) !== formatValue(def.name, def.default)) {
    if (def.support === 'unsupported') {
      state.failed.add(def.name);
      state.problems.push(unsupportedValue(def, pair));
      return;
    }
    state.warnings.push(ignoredValue(def));
  }
  (state.values as unknown as Record<string, unknown>)[def.name] = result.data;
  state.explicit.add(def.name);
}
