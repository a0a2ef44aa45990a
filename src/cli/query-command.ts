/**
 * Query mode, the default command: `igsql [-c cs | --sandbox] "<sql>"`, `-f file.sql`, SQL piped
 * on stdin, or with no SQL on a terminal the interactive prompt. Rows stream to stdout in the
 * chosen format. Ctrl-C cancels the query and exits 130 (a second Ctrl-C exits at once).
 */
import { readFileSync } from 'node:fs';
import { IgsqlError } from '../errors.js';
import type { CliArgs } from './args.js';
import type { CliCommand } from './command.js';
import type { CliIo } from './io.js';
import { QUERY_OPTIONS, querySettings } from './query-options.js';
import { splitStatements } from './split-statements.js';

const INTERRUPTED = 130;

export const queryCommand: CliCommand = {
  kind: 'default',
  name: 'query',
  positionals: true,
  usage: '[-c <string> | --sandbox] ["<sql>" | -f <file.sql>] [-p <value>]... [--format table|csv|json|ndjson] [-v]',
  summary: 'Run SQL and print the rows; with no SQL, read it from stdin, or on a terminal open an interactive prompt',
  options: QUERY_OPTIONS,
  run: ({ args, io }) => runQuery(args, io),
};

type SqlSource = { kind: 'text'; text: string; name?: string } | { kind: 'stdin'; interactive: boolean };

function sqlSource(args: CliArgs, io: CliIo): SqlSource {
  const file = args.values['file'];
  if (args.positionals.length > 1) {
    throw new IgsqlError('usage', `expected one SQL argument, got ${args.positionals.length}: put the SQL in quotes ("SELECT * FROM Page"). See igsql --help.`);
  }
  if (typeof file === 'string') {
    if (args.positionals.length > 0) throw new IgsqlError('usage', 'give the SQL either as an argument or with -f, not both.');
    return { kind: 'text', text: readSqlFile(file), name: file };
  }
  if (args.positionals.length === 1) return { kind: 'text', text: args.positionals[0]! };
  if (io.stdin === undefined) throw new IgsqlError('usage', 'no SQL: give it as an argument ("SELECT * FROM Page"), with -f <file.sql>, or on stdin. See igsql --help.');
  return { kind: 'stdin', interactive: io.stdinIsTTY === true };
}

function readSqlFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
    throw new IgsqlError('usage', `cannot read -f ${path}: ${why}.`, { cause: error });
  }
}

async function runQuery(args: CliArgs, io: CliIo): Promise<number> {
  const settings = querySettings(args, io);
  const source = sqlSource(args, io);
  const statements = source.kind === 'text' ? splitStatements(source.text) : [];
  if (source.kind === 'text' && statements.length === 0) {
    throw new IgsqlError('usage', `no SQL statement${source.name === undefined ? '' : ` in ${source.name}`}. See igsql --help.`);
  }
  // Loaded here, so --help, --version and --check do not load the engine, the views and the sandbox.
  const [{ openSession }, { runStatements }, { runScript }] = await Promise.all([
    import('./cli-session.js'), import('./run-statements.js'), import('./run-script.js'),
  ]);
  const session = await openSession(args, io, { verbosity: settings.verbosity });
  try {
    if (source.kind === 'stdin') {
      return await runScript(session.conn, io, { ...settings, interactive: source.interactive });
    }
    const controller = new AbortController();
    let interrupts = 0;
    const stopListening = io.onInterrupt?.(() => {
      if (++interrupts > 1) process.exit(INTERRUPTED);
      controller.abort();
    });
    try {
      await runStatements(session.conn, statements, (text) => io.stdout(text), {
        ...settings, signal: controller.signal, ...(source.name === undefined ? {} : { source: source.name }),
      });
    } catch (error) {
      if (controller.signal.aborted) {
        io.stderr('igsql: cancelled.\n');
        return INTERRUPTED;
      }
      throw error;
    } finally {
      stopListening?.();
    }
    return 0;
  } finally {
    await session.close();
  }
}
