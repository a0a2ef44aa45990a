import { IgsqlError } from '../errors.js';
import { resolveConnectionProperties } from '../connection-string/properties.js';
import type { CliArgs } from './args.js';
import type { CliCommand } from './command.js';
import { cellText, outputFormat, renderTable } from './format.js';
import type { CliIo } from './io.js';

/**
 * `igsql --check`: validates a connection string and prints the properties it sets, canonical
 * name → typed value, secrets masked. Warnings (properties igsql ignores) go to stderr.
 */
export const checkCommand: CliCommand = {
  kind: 'flag',
  name: 'check',
  usage: '--check -c <string> [--format table|json]',
  summary: 'Validate a connection string and print the properties it sets (secrets masked)',
  async run({ args, io }) {
    const format = outputFormat(stringOption(args, 'format'), ['table', 'json']);
    const settings = resolveConnectionProperties(connectionString(args, io));
    for (const warning of settings.warnings) io.stderr(`igsql: warning: ${warning}\n`);
    const values = settings.userValues();
    if (format === 'json') {
      io.stdout(`${JSON.stringify(values)}\n`);
    } else if (Object.keys(values).length === 0) {
      io.stdout('The connection string sets no property: every property has its default.\n');
    } else {
      io.stdout(renderTable(['Property', 'Value'], Object.entries(values).map(([name, value]) => [name, cellText(value)])));
    }
    return 0;
  },
};

/** `-c` when given (even empty), else IGSQL_CONNECTION when not empty. */
export function connectionString(args: CliArgs, io: CliIo): string {
  const text = stringOption(args, 'connection') ?? (io.env['IGSQL_CONNECTION'] || undefined);
  if (text === undefined) {
    throw new IgsqlError('usage', 'no connection string: pass -c "<connection string>" or set IGSQL_CONNECTION. See igsql --help.');
  }
  return text;
}

function stringOption(args: CliArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}
