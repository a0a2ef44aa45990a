import { IgsqlError } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import { parseCliArgs } from './args.js';
import type { CliArgs } from './args.js';
import type { CliCommand } from './command.js';
import { COMMANDS, DEFAULT_COMMAND, optionsFor } from './commands.js';
import { helpText } from './help.js';
import { processIo } from './io.js';
import type { CliIo } from './io.js';
import { expandVerbose } from './query-options.js';
import { igsqlVersion } from './version.js';

/** Error codes that mean the user's input was wrong: exit code 2. */
const BAD_INPUT: readonly ErrorCode[] = ['usage', 'config', 'unsupported', 'sql-parse', 'sql-plan'];

/**
 * The igsql command line. Returns the exit code: 0 success, 2 bad input (usage, connection
 * string, SQL), 1 anything else. Errors go to stderr as one line (`--debug` adds the stack).
 * bin/igsql.js calls it with process.argv.slice(2).
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const subcommand = COMMANDS.find((c) => c.kind === 'subcommand' && c.name === argv[0]);
    const args = parseCliArgs(subcommand === undefined ? expandVerbose(argv) : argv.slice(1), optionsFor(subcommand), subcommand === undefined);
    debug = args.values['debug'] === true;
    if (args.values['help'] === true) {
      io.stdout(helpText(igsqlVersion()));
      return 0;
    }
    if (args.values['version'] === true) {
      io.stdout(`igsql ${igsqlVersion()}\n`);
      return 0;
    }
    const command = subcommand ?? chooseFlagCommand(args);
    if (command.positionals !== true && args.positionals.length > 0) {
      throw new IgsqlError('usage', `unexpected argument '${args.positionals[0]!}'. See igsql --help.`);
    }
    return await command.run({ args, io });
  } catch (error) {
    return reportError(error, io, debug);
  }
}

function chooseFlagCommand(args: CliArgs): CliCommand {
  const chosen = COMMANDS.filter((c) => c.kind === 'flag' && args.values[c.name] === true);
  if (chosen.length === 1) return chosen[0]!;
  if (chosen.length === 0) return DEFAULT_COMMAND;
  throw new IgsqlError('usage', `${chosen.map((c) => `--${c.name}`).join(' and ')} cannot be used together.`);
}

export function exitCodeFor(error: unknown): number {
  return IgsqlError.is(error) && BAD_INPUT.includes(error.code) ? 2 : 1;
}

function reportError(error: unknown, io: CliIo, debug: boolean): number {
  const known = IgsqlError.is(error);
  // A syntax error's excerpt and caret (its later lines) only make sense on a terminal prompt.
  const text = known ? (error.code === 'sql-parse' ? error.message.split('\n')[0]! : error.message) : undefined;
  const message = text ?? `internal error: ${error instanceof Error ? error.message : String(error)}`;
  io.stderr(`igsql: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  if (debug) {
    io.stderr(`${stackOf(error)}\n`);
  } else if (!known || error.code === 'internal') {
    io.stderr('igsql: this looks like a bug in igsql; run again with --debug for the stack trace and report it.\n');
  }
  return exitCodeFor(error);
}

/** The stack of an error and of its causes. */
function stackOf(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e !== undefined && depth < 5; depth++) {
    parts.push(depth === 0 ? String((e as Error).stack ?? e) : `Caused by: ${String((e as Error).stack ?? e)}`);
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join('\n');
}
