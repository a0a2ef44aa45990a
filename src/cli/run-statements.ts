/**
 * Runs statements one after the other on a connection and prints each result set as it streams.
 * Parameters (-p) go to the statements that have markers. The first failure stops the run; its
 * error names the source (`queries.sql: ...`) when the SQL came from a file.
 */
import type { Connection } from '../connection.js';
import { IgsqlError } from '../errors.js';
import type { Params } from '../sql/engine.js';
import type { OutputFormat } from './format.js';
import { writeResult } from './result-writer.js';
import type { SplitStatement } from './split-statements.js';

export interface RunOptions {
  readonly format: OutputFormat;
  readonly showSecrets: boolean;
  readonly params: Params | undefined;
  readonly signal?: AbortSignal;
  /** Where the SQL came from, for error messages (a file name); undefined for the command line. */
  readonly source?: string;
}

export interface RunState {
  /** Result sets printed so far (the next one is separated from them). */
  printed: number;
}

export async function runStatements(
  conn: Connection,
  statements: readonly SplitStatement[],
  write: (text: string) => void,
  options: RunOptions,
  state: RunState = { printed: 0 },
): Promise<void> {
  if (statements.length === 0) throw new IgsqlError('usage', `no SQL statement${options.source === undefined ? '' : ` in ${options.source}`}. See igsql --help.`);
  for (const statement of statements) {
    try {
      const params = statement.hasParams ? options.params : undefined;
      if (statement.hasParams && options.params === undefined) {
        throw new IgsqlError('usage', 'the statement has parameter markers (? or @name): give their values with -p (see igsql --help).');
      }
      if (statement.named === true && Array.isArray(params)) {
        throw new IgsqlError('usage', 'the statement has named parameters (@name): give them as -p name=value.');
      }
      if (statement.hasParams && statement.named !== true && params !== undefined && !Array.isArray(params)) {
        throw new IgsqlError('usage', 'the statement has ? parameters: give their values in order as -p value (not name=value).');
      }
      const stream = conn.stream(statement.sql, params, options.signal === undefined ? {} : { signal: options.signal });
      await writeResult(stream, write, { format: options.format, showSecrets: options.showSecrets, separate: state.printed > 0 });
      state.printed++;
    } catch (error) {
      throw located(error, options.source);
    }
  }
}

function located(error: unknown, source: string | undefined): unknown {
  if (source === undefined || !IgsqlError.is(error) || error.code === 'cancelled') return error;
  return new IgsqlError(error.code, `${source}: ${error.message}`, { cause: error, details: error.details });
}
