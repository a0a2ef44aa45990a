import { IgsqlError, didYouMean } from '../errors.js';

/**
 * The modules igsql logs under (the `module` field of every line). `LogModules` picks a subset.
 * - `connection` open/close, resolved properties (masked)      - `query`  SQL text, row counts, timings
 * - `sql`        parsing and planning                           - `graph`  Graph calls: paging, batch, retries, rate limits, pacing
 * - `http`       request summaries, headers and bodies          - `transport` sockets: connect, reuse, close
 * - `proxy`      proxy and firewall routing, tunnels            - `tls`    certificates, pinning
 * - `auth`       tokens, OAuth flows (never the token itself)   - `cli`    the command-line tool
 */
export const LOG_MODULES = ['connection', 'query', 'sql', 'graph', 'http', 'transport', 'proxy', 'tls', 'auth', 'cli'] as const;
export type LogModule = (typeof LOG_MODULES)[number];

/**
 * Parse `LogModules` (`;`- or `,`-separated, case-insensitive). Empty means every module.
 * Unknown names are a `config` error listing the valid ones.
 */
export function parseLogModules(text: string | undefined): ReadonlySet<LogModule> | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const out = new Set<LogModule>();
  for (const raw of text.split(/[;,]/)) {
    const name = raw.trim().toLowerCase();
    if (name === '') continue;
    const found = LOG_MODULES.find((m) => m === name);
    if (found === undefined) {
      throw new IgsqlError(
        'config',
        `LogModules: unknown module "${raw.trim()}".${didYouMean(name, LOG_MODULES)} Valid modules: ${LOG_MODULES.join(', ')}.`,
        { details: { property: 'LogModules' } },
      );
    }
    out.add(found);
  }
  return out.size === 0 ? undefined : out;
}
