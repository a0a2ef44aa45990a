/**
 * Connection strings: parse (pure grammar) → resolve (catalog, value-schema.ts) → ConnectionSettings.
 * The module's API for the rest of igsql.
 */
export { parseConnectionString, buildConnectionString, ParsedConnectionString } from './parse.js';
export type { ConnectionStringEntries, ConnectionStringPair, ValueQuoting } from './parse.js';
export {
  resolveConnectionProperties,
  defaultProperties,
  ConnectionSettings,
  CATALOG,
  PROPERTIES,
  CATEGORIES,
  findProperty,
  isSensitiveName,
  normalizeName,
} from './properties.js';
export type {
  ConnectionProperties,
  PropertyCategory,
  PropertyDefinition,
  PropertyKind,
  PropertyName,
  PropertySupport,
  PropertyType,
} from './properties.js';
export { MASK, maskSecret, maskIfSensitive, maskProperties, safeConnectionString } from './mask.js';
export type { ConnectionStringProblem } from './problems.js';
