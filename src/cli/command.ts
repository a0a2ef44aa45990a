import type { CliArgs } from './args.js';
import type { CliIo } from './io.js';
import type { CliOption } from './options.js';

export interface CommandContext {
  readonly args: CliArgs;
  readonly io: CliIo;
}

/**
 * One thing the CLI does. A `flag` command is chosen by its boolean option (`--check`); a
 * `subcommand` by the first argument (`igsql <name> ...`); the `default` command (queries) runs
 * when neither is given. To add a command, write its file and list it in commands.ts; --help
 * picks it up.
 */
export interface CliCommand {
  readonly kind: 'flag' | 'subcommand' | 'default';
  readonly name: string;
  /** The usage line in --help, without the leading "igsql ". */
  readonly usage: string;
  /** One line for --help. */
  readonly summary: string;
  /** It takes positional arguments (others reject them). */
  readonly positionals?: boolean;
  /** Options only this command reads (a flag command's own flag is added for it). */
  readonly options?: readonly CliOption[];
  /** Returns the exit code; throws IgsqlError for bad input. */
  run(context: CommandContext): Promise<number>;
}
