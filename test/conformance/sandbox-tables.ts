/**
 * The sandbox's real Media, Comments and Account rows, read through igsql itself (`SELECT *` on a
 * connection), as conformance tables for SQLite; and a runner that sends each case through the
 * same connection, so the answer comes from the real views, their pushdown and the Graph requests.
 */
import { connect, type Connection } from '../../src/connection.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import type { ColumnType, Row } from '../../src/schema/types.js';
import type { ConformanceTable } from './data.js';
import { normalize, type ConformanceCase, type IgsqlRunner } from './harness.js';

/** The conformance sandbox: more media and comments than the demo, and a fixed "now" so dates are stable. */
export const SANDBOX_OPTIONS = { port: 0, seed: 7, size: 'small', media: 120, comments: 480, clock: () => Date.UTC(2026, 4, 20, 12, 0, 0) } as const;

export interface SandboxConformance {
  readonly sandbox: Sandbox;
  readonly conn: Connection;
  readonly tables: ConformanceTable[];
  readonly runner: IgsqlRunner;
  close(): Promise<void>;
}

export async function sandboxConformance(): Promise<SandboxConformance> {
  const sandbox = await startSandbox(SANDBOX_OPTIONS);
  const conn = await connect(`BaseURL=${sandbox.url};OAuthAccessToken=${sandbox.tokens.longLivedUser}`);
  const tables: ConformanceTable[] = [];
  for (const name of ['Media', 'Comments', 'Account']) {
    const result = await conn.query(`SELECT * FROM ${name}`);
    tables.push({
      name,
      columns: result.columns.map((c) => ({ name: c.name, type: c.type as ColumnType })),
      rows: result.rows as Row[],
    });
  }
  const runner: IgsqlRunner = {
    label: 'through a connection to the sandbox',
    async rows(c: ConformanceCase) {
      const result = await conn.query(c.sql, c.params ? [...c.params] : undefined);
      const keys = result.columns.map((col) => col.name);
      return result.rows.map((row) => keys.map((k) => normalize(row[k] ?? null)));
    },
  };
  return {
    sandbox, conn, tables, runner,
    async close() {
      await conn.close();
      await sandbox.stop();
    },
  };
}
