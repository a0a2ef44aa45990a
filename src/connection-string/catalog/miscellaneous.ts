import type { CatalogShape } from '../connection-properties.js';
import { boolean, integer, text, url } from '../property-types.js';

/** Longest Timeout/TTL in seconds whose milliseconds still fit a Node timer (2^31 - 1 ms). */
const MAX_TIMER_SECONDS = 2147483;
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

const POOLING_NOTE =
  'igsql keeps HTTP keep-alive connections inside each Connection and has no login session to pool, so pooling properties have no effect';

/** Miscellaneous properties, igsql's own additions, and CData's pooling properties. */
export const MISCELLANEOUS = {
  BaseURL: {
    category: 'Miscellaneous',
    aliases: ['BaseUri'],
    type: url({ base: true }),
    default: 'https://graph.facebook.com',
    support: 'honoured',
    description: 'Where the Graph API lives; the sandbox sets it to its local address. A trailing slash is dropped.',
  },
  MaxRows: {
    category: 'Miscellaneous',
    aliases: [],
    type: integer(-1, UNBOUNDED),
    default: -1,
    support: 'honoured',
    description: 'Most rows a query returns when it has no aggregation or GROUP BY, taking precedence over LIMIT; -1: no limit.',
  },
  Other: {
    category: 'Miscellaneous',
    aliases: [],
    type: text(),
    default: '',
    support: 'ignored',
    description: 'CData\'s hidden options, such as ConvertDateTimeToGMT=true, separated by semicolons.',
    note: 'these CData options have no counterpart in igsql (igsql always returns times in UTC)',
  },
  Pagesize: {
    category: 'Miscellaneous',
    aliases: [],
    type: integer(1, 1000),
    default: 100,
    support: 'honoured',
    description: 'Rows asked for per Graph API page (limit=); endpoints with a smaller maximum get their maximum.',
  },
  Timeout: {
    category: 'Miscellaneous',
    aliases: [],
    type: integer(0, MAX_TIMER_SECONDS),
    default: 60,
    support: 'honoured',
    description: 'Seconds a Graph API request may take before it fails with a timeout error; 0: no timeout.',
  },
  PseudoColumns: {
    category: 'Miscellaneous',
    aliases: [],
    type: text(),
    default: '',
    support: 'ignored',
    description: 'Pseudo columns to report as real columns, as Table=Column pairs separated by semicolons.',
    note: 'igsql reports every column of a view, filter-only ones included, so there is nothing to expose',
  },
  UserDefinedViews: {
    category: 'Miscellaneous',
    aliases: [],
    type: text(),
    default: '',
    support: 'unsupported',
    description: 'Path of a JSON file of user-defined views (saved queries).',
    note: 'user-defined views are not implemented in igsql; put the query in your SQL instead',
  },
  MaxConcurrentRequests: {
    category: 'Miscellaneous',
    aliases: [],
    type: integer(1, 64),
    default: 8,
    support: 'honoured',
    description: 'How many Graph API requests one query may have in flight at once.',
  },
  ResponseCacheTTL: {
    category: 'Miscellaneous',
    aliases: [],
    type: integer(0, MAX_TIMER_SECONDS),
    default: 0,
    support: 'honoured',
    description: 'Seconds a Graph API response is reused by later queries on the same connection; 0: no cache.',
  },
  MaxRetries: {
    category: 'Miscellaneous',
    aliases: [],
    type: integer(0, 20),
    default: 5,
    support: 'honoured',
    description:
      'How often an idempotent call is retried, with backoff, after a transient error (connection reset, HTTP 5xx, Graph is_transient, rate limit).',
  },
  UseConnectionPooling: {
    category: 'Miscellaneous',
    aliases: [],
    type: boolean(),
    default: false,
    support: 'ignored',
    description: 'Pool connections (CData ADO.NET/JDBC pooling).',
    note: POOLING_NOTE,
  },
  PoolIdleTimeout: {
    category: 'Miscellaneous',
    aliases: [],
    type: integer(0, UNBOUNDED),
    default: 60,
    support: 'ignored',
    description: 'Seconds a pooled connection may stay idle.',
    note: POOLING_NOTE,
  },
  PoolMaxSize: {
    category: 'Miscellaneous',
    aliases: [],
    type: integer(0, UNBOUNDED),
    default: 100,
    support: 'ignored',
    description: 'Most connections in the pool.',
    note: POOLING_NOTE,
  },
  PoolMinSize: {
    category: 'Miscellaneous',
    aliases: [],
    type: integer(0, UNBOUNDED),
    default: 1,
    support: 'ignored',
    description: 'Fewest connections in the pool.',
    note: POOLING_NOTE,
  },
  PoolWaitTime: {
    category: 'Miscellaneous',
    aliases: [],
    type: integer(0, UNBOUNDED),
    default: 60,
    support: 'ignored',
    description: 'Seconds to wait for a free pooled connection.',
    note: POOLING_NOTE,
  },
  ConnectionLifeTime: {
    category: 'Miscellaneous',
    aliases: [],
    type: integer(0, UNBOUNDED),
    default: 0,
    support: 'ignored',
    description: 'Seconds a pooled connection lives; 0: no limit.',
    note: POOLING_NOTE,
  },
} satisfies Partial<CatalogShape>;
