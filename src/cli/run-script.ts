/** SQL from stdin (placeholder until the line loop lands). */
import type { Connection } from '../connection.js';
import type { CliIo } from './io.js';
import type { QuerySettings } from './query-options.js';
import { runStatements } from './run-statements.js';
import { splitStatements } from './split-statements.js';

export async function runScript(conn: Connection, io: CliIo, settings: QuerySettings & { interactive: boolean }): Promise<number> {
  let text = '';
  for await (const chunk of io.stdin!) text += String(chunk);
  await runStatements(conn, splitStatements(text), (t) => io.stdout(t), { ...settings, source: 'stdin' });
  return 0;
}
