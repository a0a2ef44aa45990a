import type { CatalogShape } from '../connection-properties.js';
import { integer, list, size, text } from '../property-types.js';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** Logging and Schema properties. */
export const LOGGING_SCHEMA = {
  Logfile: {
    category: 'Logging',
    aliases: ['LogPath'],
    type: text(),
    default: '',
    support: 'honoured',
    description: 'Path of the log file, created if missing (its folder must exist); empty: no log file.',
  },
  Verbosity: {
    category: 'Logging',
    aliases: [],
    type: integer(1, 5),
    default: 1,
    support: 'honoured',
    description:
      'How much is logged: 1 queries, row counts, timings and errors; 2 adds request details; 3 adds HTTP headers and bodies; 4 adds TLS and connection events; 5 adds raw transfer data. Secrets are masked at every level.',
  },
  LogModules: {
    category: 'Logging',
    aliases: [],
    type: list(),
    default: [],
    support: 'honoured',
    description: 'Modules whose messages are logged, separated by commas or semicolons; empty: all modules.',
  },
  MaxLogFileSize: {
    category: 'Logging',
    aliases: [],
    type: size(100 * 1024),
    default: 100 * 1024 * 1024,
    support: 'honoured',
    description:
      'Size at which the log file is rotated (the full file gets a date-time suffix): 100MB, 512kB, 1GB or bytes, units of 1024; at least 100kB.',
  },
  MaxLogFileCount: {
    category: 'Logging',
    aliases: [],
    type: integer(INT32_MIN, INT32_MAX, {
      test: (n) => n !== 1,
      message: 'expected 2 or more, or 0 or less for no limit',
      label: 'integer (not 1)',
    }),
    default: -1,
    support: 'honoured',
    description: 'How many rotated log files to keep, the oldest deleted first: 2 or more; 0 or less keeps them all.',
  },
  Location: {
    category: 'Schema',
    aliases: [],
    type: text(),
    default: '',
    support: 'ignored',
    description: 'Folder of CData schema files (.rsd views, .rsb procedures).',
    note: 'igsql\'s views and procedures are built in and it reads no schema files, so a schema folder has no effect',
  },
  BrowsableSchemas: {
    category: 'Schema',
    aliases: [],
    type: list(),
    default: [],
    support: 'honoured',
    description: 'Schemas reported by the metadata (sys_schemas), separated by commas; empty: all.',
  },
  Tables: {
    category: 'Schema',
    aliases: [],
    type: list(),
    default: [],
    support: 'honoured',
    description: 'Tables reported by the metadata (sys_tables), separated by commas; empty: all.',
  },
  Views: {
    category: 'Schema',
    aliases: [],
    type: list(),
    default: [],
    support: 'honoured',
    description: 'Views reported by the metadata (sys_tables), separated by commas; empty: all.',
  },
} satisfies Partial<CatalogShape>;
