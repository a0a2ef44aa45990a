/**
 * The connection a query run uses: from -c / IGSQL_CONNECTION, or with --sandbox a sandbox started
 * in-process (demo size) and a connection string pointing at it (BaseURL, the sandbox app's
 * credentials, its long-lived user token) followed by the user's -c properties (e.g. Verbosity).
 * IGSQL_CONNECTION is not read with --sandbox, so a real token never meets the sandbox.
 */
import { connect, type Connection } from '../connection.js';
import { resolveConnectionProperties } from '../connection-string/properties.js';
import type { CliArgs } from './args.js';
import { connectionString } from './check.js';
import type { CliIo } from './io.js';
import { sandboxConnectionString } from './sandbox-command.js';
import { stderrLogSink } from './stderr-log-sink.js';

export interface CliSession {
  readonly conn: Connection;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** -v: 0 leaves logging as the connection string says; 1–5 logs to stderr at that Verbosity. */
  readonly verbosity: number;
}

export async function openSession(args: CliArgs, io: CliIo, options: SessionOptions): Promise<CliSession> {
  const sandboxMode = args.values['sandbox'] === true;
  const user = sandboxMode ? (typeof args.values['connection'] === 'string' ? args.values['connection'] : '') : connectionString(args, io);
  // Check the user's own string first, so an error's character positions are in their text.
  for (const warning of resolveConnectionProperties(user).warnings) io.stderr(`igsql: warning: ${warning}\n`);
  const verbose = options.verbosity > 0 ? `;Verbosity=${options.verbosity}` : '';
  const logSink = options.verbosity > 0 ? stderrLogSink((text) => io.stderr(text)) : undefined;
  const connectOptions = logSink === undefined ? {} : { logSink };
  if (!sandboxMode) {
    const conn = await connect(`${user}${verbose}`, connectOptions);
    return { conn, close: () => conn.close() };
  }
  const { startSandbox } = await import('../sandbox/index.js');
  const sandbox = await startSandbox({ size: 'small' });
  try {
    const own = user.replace(/^\s*jdbc:(cdata:)?instagram:/i, '');
    const conn = await connect(`${sandboxConnectionString(sandbox)};${own}${verbose}`, connectOptions);
    return {
      conn,
      async close() {
        try {
          await conn.close();
        } finally {
          await sandbox.stop();
        }
      },
    };
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
}
