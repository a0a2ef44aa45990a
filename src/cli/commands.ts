import { checkCommand } from './check.js';
import type { CliCommand } from './command.js';
import { GLOBAL_OPTIONS } from './options.js';
import { queryCommand } from './query-command.js';
import { sandboxCommand } from './sandbox-command.js';
import type { CliOption } from './options.js';

/** Every command of the CLI, in --help order. */
export const COMMANDS: readonly CliCommand[] = [queryCommand, checkCommand, sandboxCommand];

/** The command that runs when no flag command is given. */
export const DEFAULT_COMMAND: CliCommand = queryCommand;

/** The options to parse: the global ones plus a subcommand's, or plus every flag command's and the default command's. */
export function optionsFor(subcommand: CliCommand | undefined): readonly CliOption[] {
  const commands = subcommand === undefined ? COMMANDS.filter((c) => c.kind !== 'subcommand') : [subcommand];
  return [
    ...GLOBAL_OPTIONS,
    ...commands.flatMap((c): CliOption[] => [
      ...(c.kind === 'flag' ? [{ name: c.name, type: 'boolean' as const, description: c.summary }] : []),
      ...(c.options ?? []),
    ]),
  ];
}
