import { COMMANDS } from './commands.js';
import { GLOBAL_OPTIONS } from './options.js';
import type { CliOption } from './options.js';

/** The --help text, built from the command and option tables. */
export function helpText(version: string): string {
  const commandOptions = COMMANDS.flatMap((c) => c.options ?? []);
  return [
    `igsql ${version}: query the Instagram Graph API with SQL.`,
    '',
    'Usage:',
    ...COMMANDS.map((c) => `  igsql ${c.usage}\n      ${c.summary}.`),
    '',
    'Options:',
    ...optionLines([...GLOBAL_OPTIONS, ...commandOptions].filter((o) => o.hidden !== true)),
    '',
    'Exit codes: 0 success, 2 bad input (usage or connection string), 1 any other error.',
    'Connection string syntax and every property: docs/connection-string.md',
    '',
  ].join('\n');
}

function optionLines(options: readonly CliOption[]): string[] {
  const heads = options.map((o) => `${o.short === undefined ? '    ' : `-${o.short}, `}--${o.name}${o.value === undefined ? '' : ` ${o.value}`}`);
  const width = Math.max(...heads.map((h) => h.length));
  return options.map((o, i) => `  ${heads[i]!.padEnd(width)}  ${o.description}`);
}
