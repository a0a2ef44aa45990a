import { COMMANDS } from './commands.js';
import { META_HELP } from './meta-commands.js';
import { GLOBAL_OPTIONS } from './options.js';
import type { CliOption } from './options.js';

const EXAMPLES = [
  'igsql --sandbox "SELECT * FROM Page"',
  '    Try igsql on local demo data: the pages and their Instagram account ids.',
  'igsql -c "InitiateOAuth=GETANDREFRESH;OAuthClientId=...;OAuthClientSecret=..." "SELECT Id, Caption FROM Media LIMIT 10"',
  '    Sign in through the browser once (tokens are stored), then query.',
  'export IGSQL_CONNECTION="AuthScheme=AccessToken;OAuthAccessToken=..."',
  'igsql --format json "SELECT * FROM Comments WHERE MediaId = ?" -p 17965125809753352',
  '    A positional parameter (? in order); -p id=... binds @id.',
  'igsql -f report.sql --format csv > report.csv',
  '    Run every statement of a file, in order.',
  'echo "SELECT COUNT(*) FROM Media;" | igsql --sandbox',
  '    SQL on stdin.',
  'igsql --sandbox',
  '    The interactive prompt (on a terminal).',
  'igsql --sandbox -vv "SELECT * FROM Account"',
  '    Log the queries and the Graph requests to stderr.',
];

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
    'Output: table (aligned, for reading), csv (RFC 4180), json (an array of row objects; one array per',
    'statement of a script), ndjson (one object per line). Dates are ISO 8601 in UTC; Json columns are',
    'JSON text (nested in json/ndjson).',
    'Secret results (tokens from the OAuth procedures) are masked unless --show-secrets.',
    '',
    'Interactive prompt (igsql with no SQL on a terminal; the same commands work on piped stdin):',
    ...META_HELP.trimEnd().split('\n').map((l) => `  ${l}`),
    '  History is kept in $XDG_STATE_HOME/igsql/history (~/.local/state/igsql/history), without lines that look secret.',
    '',
    'Examples:',
    ...EXAMPLES.map((l) => `  ${l}`),
    '',
    'Exit codes: 0 success, 2 bad input (usage, connection string, SQL), 130 interrupted (Ctrl-C), 1 any other error.',
    'Connection string syntax and every property: docs/connection-string.md; SQL: docs/sql.md',
    '',
  ].join('\n');
}

function optionLines(options: readonly CliOption[]): string[] {
  const heads = options.map((o) => `${o.short === undefined ? '    ' : `-${o.short}, `}--${o.name}${o.value === undefined ? '' : ` ${o.value}`}`);
  const width = Math.max(...heads.map((h) => h.length));
  return options.map((o, i) => `  ${heads[i]!.padEnd(width)}  ${o.description}`);
}
