import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { IgsqlError } from '../../../src/errors.js';
import { exitCodeFor } from '../../../src/cli/main.js';
import { runCli } from './run-cli.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

test('--check --format json prints exactly the properties set, typed', async () => {
  const r = await runCli(['--check', '-c', "ProxyServer='a;b';Timeout=5", '--format', 'json']);
  assert.deepEqual(r, { code: 0, stdout: '{"ProxyServer":"a;b","Timeout":5}\n', stderr: '' });
});

test('--check prints a table by default, with canonical names, typed values and masked secrets', async () => {
  const r = await runCli(['--check', '--connection', "proxy server=p:3128;access token=EAAsecret;ProxyExceptions='a;b';AppSecretProof=yes;ClientSecret=s"]);
  assert.equal(r.code, 0);
  assert.equal(
    r.stdout,
    [
      'Property          | Value',
      '------------------+------',
      'ProxyServer       | p',
      'OAuthAccessToken  | ****',
      'ProxyExceptions   | a, b',
      'AppSecretProof    | true',
      'OAuthClientSecret | ****',
      'ProxyPort         | 3128',
      '',
    ].join('\n'),
  );
  assert.ok(!r.stdout.includes('EAAsecret'));
});

test('--check json masks secrets too', async () => {
  const r = await runCli(['--check', '-c', 'OAuthAccessToken=EAAsecret;Verbosity=3', '--format=JSON']);
  assert.equal(r.stdout, '{"OAuthAccessToken":"****","Verbosity":3}\n');
});

test('--check of a string that sets nothing says so', async () => {
  const table = await runCli(['--check', '-c', ';']);
  assert.equal(table.stdout, 'The connection string sets no property: every property has its default.\n');
  const json = await runCli(['--check', '-c', '', '--format', 'json'], { IGSQL_CONNECTION: 'Timeout=1' });
  assert.equal(json.stdout, '{}\n');
});

test('the connection string comes from IGSQL_CONNECTION when -c is absent', async () => {
  const r = await runCli(['--check', '--format', 'json'], { IGSQL_CONNECTION: 'Timeout=7' });
  assert.equal(r.stdout, '{"Timeout":7}\n');
  const flag = await runCli(['--check', '-c', 'Timeout=8', '--format', 'json'], { IGSQL_CONNECTION: 'Timeout=7' });
  assert.equal(flag.stdout, '{"Timeout":8}\n');
});

test('--check without a connection string is a usage error (exit 2)', async () => {
  for (const env of [{}, { IGSQL_CONNECTION: '' }] as Record<string, string>[]) {
    const r = await runCli(['--check'], env);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'igsql: no connection string: pass -c "<connection string>" or set IGSQL_CONNECTION. See igsql --help.\n');
  }
});

test('a bad connection string: exit 2, one line on stderr with a did-you-mean', async () => {
  const r = await runCli(['--check', '-c', 'Timout=5']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, "igsql: Invalid connection string: unknown property 'Timout' at character 1; did you mean Timeout?\n");
});

test('several problems are reported on one line; secrets never appear', async () => {
  const r = await runCli(['--check', '-c', 'ProxyPassword=hunter2;x=1;Verbosity=9;\nTimeout=-1']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr.split('\n').length, 2);
  assert.match(
    r.stderr,
    /^igsql: Invalid connection string \(3 problems\): 1\) unknown property at character 23; it may be part of the value of ProxyPassword: .*; 2\) Verbosity='9' at character 37: .*; 3\) Timeout='-1' at line 2, column 9: expected a whole number from 0 to 2147483\n$/,
  );
  assert.ok(!r.stderr.includes('hunter2'));
});

test('an unsupported property: exit 2', async () => {
  const r = await runCli(['--check', '-c', 'Offline=true']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Offline='true' at character 1 is not supported/);
});

test('ignored properties print a warning on stderr, and the check still succeeds', async () => {
  const r = await runCli(['--check', '-c', 'Location=/schemas;Timeout=5', '--format', 'json']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '{"Location":"/schemas","Timeout":5}\n');
  assert.match(r.stderr, /^igsql: warning: Location has no effect in igsql: /);
});

test('--help lists the commands, options and exit codes', async () => {
  const r = await runCli(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, new RegExp(`^igsql ${VERSION.replaceAll('.', '\\.')}: query the Instagram Graph API with SQL\\.`));
  assert.match(r.stdout, /igsql --check -c <string> \[--format table\|json\]/);
  assert.match(r.stdout, /-c, --connection <string> +Connection string \(default: the IGSQL_CONNECTION environment variable\)/);
  assert.match(r.stdout, /--format <format> +Output format: table, csv, json, ndjson \(queries: table on a terminal, csv otherwise\)/);
  assert.match(r.stdout, /--debug/);
  assert.match(r.stdout, /-h, --help/);
  assert.match(r.stdout, /--version/);
  assert.match(r.stdout, /Exit codes: 0 success, 2 bad input/);
  assert.equal((await runCli(['-h'])).stdout, r.stdout);
  assert.equal((await runCli(['--check', '--help'])).stdout, r.stdout);
});

test('--version prints the version of package.json', async () => {
  const r = await runCli(['--version']);
  assert.deepEqual(r, { code: 0, stdout: `igsql ${VERSION}\n`, stderr: '' });
});

test('usage errors: exit 2 and a pointer to --help', async () => {
  const cases: [string[], RegExp][] = [
    [[], /^igsql: no SQL: give it as an argument \("SELECT \* FROM Page"\), with -f <file\.sql>, or on stdin\. See igsql --help\.\n$/],
    [['SELECT 1', 'FROM Page'], /^igsql: expected one SQL argument, got 2: put the SQL in quotes/],
    [['--chek'], /^igsql: unknown option '--chek'\. Did you mean --check\? See igsql --help\.\n$/],
    [['-x'], /^igsql: unknown option '-x'\. See igsql --help\.\n$/],
    [['--check', 'SELECT 1'], /^igsql: unexpected argument 'SELECT 1'\. See igsql --help\.\n$/],
    [['--check', '-c'], /^igsql: option '-c, --connection <value>' argument missing\. See igsql --help\.\n$/],
    [['--check', '-c', '--format'], /^igsql: option '-c' argument is ambiguous\. Did you forget .* See igsql --help\.\n$/],
    [['--check=yes'], /^igsql: option '--check' does not take an argument\. See igsql --help\.\n$/],
    [['--check', '-c', 'a=1', '--format', 'csv'], /^igsql: unknown --format 'csv': expected table or json\n$/],
  ];
  for (const [argv, stderr] of cases) {
    const r = await runCli(argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, stderr);
  }
});

test('--debug adds the stack trace and its causes', async () => {
  const r = await runCli(['--check', '-c', 'Timout=5', '--debug']);
  assert.equal(r.code, 2);
  const [first, ...rest] = r.stderr.split('\n');
  assert.match(first!, /^igsql: Invalid connection string/);
  assert.match(rest.join('\n'), /IgsqlError: Invalid connection string[^\n]*\n\s+at /);
  const usage = await runCli(['--nope', '--debug']);
  assert.match(usage.stderr, /Caused by: TypeError \[ERR_PARSE_ARGS_UNKNOWN_OPTION\]/);
});

test('exit codes: 2 for bad input, 1 for everything else', () => {
  for (const code of ['usage', 'config', 'unsupported', 'sql-parse', 'sql-plan'] as const) {
    assert.equal(exitCodeFor(new IgsqlError(code, 'x')), 2, code);
  }
  for (const code of ['auth', 'graph', 'network', 'proxy', 'tls', 'timeout', 'internal'] as const) {
    assert.equal(exitCodeFor(new IgsqlError(code, 'x')), 1, code);
  }
  assert.equal(exitCodeFor(new Error('bug')), 1);
  assert.equal(exitCodeFor('thrown string'), 1);
});
