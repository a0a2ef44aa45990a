import type { CatalogShape } from '../connection-properties.js';
import { boolean, integer, text } from '../property-types.js';

const CACHE_NOTE =
  'igsql has no local cache database; ResponseCacheTTL reuses Graph API responses within a connection instead';

/**
 * CData's caching group (a local cache database, CACHE statements). Ignoring these would answer
 * queries from live data where the user asked for the cache (Offline), so non-default values are refused.
 */
export const CACHING = {
  AutoCache: {
    category: 'Caching',
    aliases: [],
    type: boolean(),
    default: false,
    support: 'unsupported',
    description: 'Copy every query result into a local cache database.',
    note: CACHE_NOTE,
  },
  CacheConnection: {
    category: 'Caching',
    aliases: [],
    type: text(),
    default: '',
    support: 'unsupported',
    description: 'Connection string of the cache database.',
    note: CACHE_NOTE,
  },
  CacheLocation: {
    category: 'Caching',
    aliases: [],
    type: text(),
    default: '',
    support: 'unsupported',
    description: 'Path of the cache database file.',
    note: CACHE_NOTE,
  },
  CacheMetadata: {
    category: 'Caching',
    aliases: [],
    type: boolean(),
    default: false,
    support: 'unsupported',
    description: 'Keep table metadata in the cache database.',
    note: CACHE_NOTE,
  },
  CacheProvider: {
    category: 'Caching',
    aliases: [],
    type: text(),
    default: '',
    support: 'unsupported',
    description: 'Driver of the cache database.',
    note: CACHE_NOTE,
  },
  CacheTolerance: {
    category: 'Caching',
    aliases: [],
    type: integer(0, Number.MAX_SAFE_INTEGER),
    default: 600,
    support: 'unsupported',
    description: 'Seconds cached data stays fresh.',
    note: CACHE_NOTE,
  },
  Offline: {
    category: 'Caching',
    aliases: [],
    type: boolean(),
    default: false,
    support: 'unsupported',
    description: 'Answer queries from the cache database only.',
    note: CACHE_NOTE,
  },
} satisfies Partial<CatalogShape>;
