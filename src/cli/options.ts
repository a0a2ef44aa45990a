import { OUTPUT_FORMATS } from './format.js';

/** One command-line option: parsed with node:util parseArgs and listed in --help. */
export interface CliOption {
  readonly name: string;
  readonly short?: string;
  readonly type: 'string' | 'boolean';
  /** May be given more than once (the value is then a list). */
  readonly multiple?: boolean;
  /** Parsed but not listed in --help. */
  readonly hidden?: boolean;
  /** Shown after the option in --help, e.g. `<string>`. */
  readonly value?: string;
  readonly description: string;
}

/** Options every command understands. Commands add their own (see commands.ts). */
export const GLOBAL_OPTIONS: readonly CliOption[] = [
  {
    name: 'connection',
    short: 'c',
    type: 'string',
    value: '<string>',
    description: 'Connection string (default: the IGSQL_CONNECTION environment variable)',
  },
  { name: 'format', type: 'string', value: '<format>', description: `Output format: ${OUTPUT_FORMATS.join(', ')} (queries: table on a terminal, csv otherwise)` },
  { name: 'debug', type: 'boolean', description: 'Show the stack trace of an error' },
  { name: 'help', short: 'h', type: 'boolean', description: 'Show this help' },
  { name: 'version', type: 'boolean', description: 'Print the version' },
];
