import { parseArgs } from 'node:util';
import { IgsqlError, closest } from '../errors.js';
import type { CliOption } from './options.js';

/** Parsed command-line arguments: option values by long name, and positional arguments. */
export interface CliArgs {
  /** A `multiple` option's value is a list. */
  readonly values: Readonly<Record<string, string | boolean | readonly (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

/**
 * Parses `argv` (strict: unknown options are usage errors, with a did-you-mean for a misspelt
 * option; positional arguments too unless `allowPositionals`).
 */
export function parseCliArgs(argv: readonly string[], options: readonly CliOption[], allowPositionals = false): CliArgs {
  const config = Object.fromEntries(
    options.map((o) => [o.name, { type: o.type, multiple: o.multiple === true, ...(o.short === undefined ? {} : { short: o.short }) }]),
  );
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: config, strict: true, allowPositionals });
    return { values: values as CliArgs['values'], positionals };
  } catch (error) {
    throw usageError(error, options);
  }
}

function usageError(error: unknown, options: readonly CliOption[]): IgsqlError {
  const { code, message } = error as { code?: string; message: string };
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  let text: string;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const suggestion = closest(quoted.replace(/^-+/, ''), options.map((o) => o.name));
    text = `unknown option '${quoted}'.${suggestion === undefined ? '' : ` Did you mean --${suggestion}?`}`;
  } else if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    text = `unexpected argument '${quoted}'.`;
  } else if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // Node's text, first two lines: "Option '-c' argument is ambiguous.\nDid you forget ...?"
    text = message.split('\n').slice(0, 2).join(' ').replace(/^Option/, 'option').replace(/([^.?])$/, '$1.');
  } else {
    return new IgsqlError('internal', `could not read the command line: ${message}`, { cause: error });
  }
  return new IgsqlError('usage', `${text} See igsql --help.`, { cause: error });
}
