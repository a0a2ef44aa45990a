/**
 * SQL read line by line from stdin: the interactive prompt on a terminal (history, continuation
 * lines until `;`, Ctrl-C cancels the query or clears the input, Ctrl-C twice or Ctrl-D quits), or
 * a script piped in (no prompt; the first error stops it, with its exit code). Both understand
 * the backslash commands of meta-commands.ts.
 */
import { createInterface, type Interface } from 'node:readline';
import type { Connection } from '../connection.js';
import { IgsqlError } from '../errors.js';
import { appendHistory, historyPath, MAX_HISTORY, readHistory } from './history.js';
import type { CliIo } from './io.js';
import { isMetaCommand, metaCommand } from './meta-commands.js';
import { looksSecret } from './mask-secret.js';
import type { QuerySettings } from './query-options.js';
import { runStatements, type RunState } from './run-statements.js';
import { scanStatements, type SplitStatement } from './split-statements.js';

export interface ScriptOptions extends QuerySettings {
  readonly interactive: boolean;
}

const PROMPT = 'igsql> ';
const CONTINUE = '   ...> ';
export const INTERRUPTED = 130;

export async function runScript(conn: Connection, io: CliIo, options: ScriptOptions): Promise<number> {
  const { interactive } = options;
  const history = interactive ? historyPath(io.env) : undefined;
  const rl = createInterface({
    input: io.stdin!,
    ...(interactive && io.terminal !== undefined ? { output: io.terminal } : {}),
    terminal: interactive,
    history: history === undefined ? [] : readHistory(history),
    historySize: MAX_HISTORY,
    removeHistoryDuplicates: true,
    prompt: PROMPT,
  });
  const state: RunState = { printed: 0 };
  let buffer = '';
  let running: AbortController | undefined;
  let interrupted = false;
  let lastWasInterrupt = false;
  const onInterrupt = (): void => {
    if (running !== undefined) {
      running.abort();
      return;
    }
    if (!interactive || lastWasInterrupt) {
      interrupted = !interactive;
      rl.close();
      return;
    }
    lastWasInterrupt = true;
    buffer = '';
    rl.write(null, { ctrl: true, name: 'e' });
    rl.write(null, { ctrl: true, name: 'u' });
    io.stdout('\n(Ctrl-C again or Ctrl-D to quit)\n');
    prompt();
  };
  rl.on('SIGINT', onInterrupt);
  const stopListening = interactive ? undefined : io.onInterrupt?.(onInterrupt);
  const prompt = (): void => {
    if (!interactive) return;
    rl.setPrompt(buffer === '' ? PROMPT : CONTINUE);
    rl.prompt();
  };
  const run = async (statements: readonly SplitStatement[], params = options.params): Promise<void> => {
    running = new AbortController();
    try {
      await runStatements(conn, statements, (text) => io.stdout(text), { ...options, params, signal: running.signal, ...(interactive ? {} : { source: 'stdin' }) }, state);
    } catch (error) {
      if (running.signal.aborted) {
        if (!interactive) interrupted = true;
        io.stderr('igsql: query cancelled.\n');
        if (!interactive) throw new Cancelled();
        return;
      }
      if (!interactive) throw error;
      const message = IgsqlError.is(error) ? error.message : `internal error: ${String((error as Error).message ?? error)}`;
      io.stderr(`igsql: ${message}\n`);
    } finally {
      running = undefined;
    }
  };
  if (interactive) io.stdout(`igsql: SQL over the Instagram Graph API. \\? for help, \\q to quit.\n`);
  prompt();
  try {
    for await (const line of rl) {
      lastWasInterrupt = false;
      if (interactive && looksSecret(line)) forget(rl, line);
      else if (history !== undefined) appendHistory(history, line);
      if (buffer === '' && isMetaCommand(line)) {
        const action = await guarded(() => metaCommand(line, conn), io, interactive);
        if (action?.kind === 'quit') break;
        if (action?.kind === 'print') io.stdout(action.text);
        if (action?.kind === 'query') await run([action.statement], action.params);
        prompt();
        continue;
      }
      buffer = buffer === '' ? line : `${buffer}\n${line}`;
      const scan = scanStatements(buffer);
      const complete = scan.rest === '' || scan.open ? scan.statements : scan.statements.slice(0, -1);
      buffer = scan.rest;
      if (complete.length > 0) await run(complete);
      prompt();
    }
    if (!interactive && !interrupted && buffer.trim() !== '') {
      // The last statement of a script needs no `;`; an unterminated quote goes to the engine to report.
      const last = scanStatements(buffer).statements;
      await run(last.length > 0 ? last : [{ sql: buffer, line: 1, hasParams: false }]);
    }
  } catch (error) {
    if (!(error instanceof Cancelled)) throw error;
  } finally {
    stopListening?.();
    rl.close();
  }
  if (interactive) io.stdout('\n');
  return interrupted ? INTERRUPTED : 0;
}

class Cancelled extends Error {}

/** Runs a meta-command's parsing; its error is printed at the prompt, thrown in a script. */
async function guarded<T>(action: () => T, io: CliIo, interactive: boolean): Promise<T | undefined> {
  try {
    return action();
  } catch (error) {
    if (!interactive || !IgsqlError.is(error)) throw error;
    io.stderr(`igsql: ${error.message}\n`);
    return undefined;
  }
}

/** Drops a line readline just added to its in-memory history (it looked secret). */
function forget(rl: Interface, line: string): void {
  const list = (rl as unknown as { history?: string[] }).history;
  if (list?.[0] === line) list.shift();
}
