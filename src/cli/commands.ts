import { checkCommand } from './check.js';
import type { CliCommand } from './command.js';
import { GLOBAL_OPTIONS } from './options.js';
import { sandboxCommand } from './sandbox-command.js';
import type { CliOption } from './options.js';

/** Every command of the CLI, in --help order. */
export const COMMANDS: readonly CliCommand[] = [checkCommand, sandboxCommand];

/** The options to parse: the global ones plus a subcommand's, or plus every flag command's. */
export function optionsFor(subcommand: CliCommand | undefined): readonly CliOption[] {
  const commands = subcommand === undefined ? COMMANDS.filter((c) => c.kind === 'flag') : [subcommand];
  return [
    ...GLOBAL_OPTIONS,
    ...commands.flatMap((c): CliOption[] => [
      ...(c.kind === 'flag' ? [{ name: c.name, type: 'boolean' as const, description: c.summary }] : []),
      ...(c.options ?? []),
    ]),
  ];
}
