import type { CatalogShape, PropertyDefinition, PropertyName } from '../connection-properties.js';
import { AUTHENTICATION } from './authentication.js';
import { CACHING } from './caching.js';
import { LOGGING_SCHEMA } from './logging-schema.js';
import { MISCELLANEOUS } from './miscellaneous.js';
import { NETWORK } from './network.js';

/**
 * Every connection property igsql knows, keyed by canonical name. The type checker makes sure
 * that it has exactly one entry per field of ConnectionProperties and that types and defaults match.
 * The order of entries is the order of docs/connection-string.md.
 */
export const CATALOG: CatalogShape = {
  ...AUTHENTICATION,
  ...NETWORK,
  ...LOGGING_SCHEMA,
  ...MISCELLANEOUS,
  ...CACHING,
};

/** The catalog as a list, in catalog order. */
export const PROPERTIES: readonly PropertyDefinition[] = Object.freeze(
  (Object.keys(CATALOG) as PropertyName[]).map((name) => Object.freeze({ name, ...CATALOG[name] }) as PropertyDefinition),
);
