import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../../../bin/igsql.js', import.meta.url));

/** Runs bin/igsql.js as a user would (it uses dist/ when built, else the sources through tsx). */
function igsql(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, IGSQL_CONNECTION: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('igsql --check -c "ProxyServer=\'a;b\';Timeout=5" --format json prints exactly the properties set', () => {
  const r = igsql(['--check', '-c', "ProxyServer='a;b';Timeout=5", '--format', 'json']);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, '{"ProxyServer":"a;b","Timeout":5}\n');
  assert.equal(r.code, 0);
});

test('igsql --check -c "Timout=5" exits 2 and suggests Timeout', () => {
  const r = igsql(['--check', '-c', 'Timout=5']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, "igsql: Invalid connection string: unknown property 'Timout' at character 1; did you mean Timeout?\n");
});

test('IGSQL_CONNECTION is read from the environment', () => {
  const r = igsql(['--check', '--format', 'json'], { IGSQL_CONNECTION: 'OAuthAccessToken=EAAx;Verbosity=2' });
  assert.equal(r.stdout, '{"OAuthAccessToken":"****","Verbosity":2}\n');
  assert.equal(r.code, 0);
});

test('--version and --help exit 0', () => {
  assert.match(igsql(['--version']).stdout, /^igsql \d+\.\d+\.\d+\n$/);
  const help = igsql(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage:/);
});

test('a usage error exits 2 with one line on stderr', () => {
  const r = igsql(['--bogus']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, "igsql: unknown option '--bogus'. See igsql --help.\n");
});
