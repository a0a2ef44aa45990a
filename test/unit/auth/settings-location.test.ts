import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG_DEFAULT_LOCATION, configDirectory, defaultSettingsFileName, describeLocation, resolveSettingsLocation } from '../../../src/auth/settings-location.js';
import { IgsqlError } from '../../../src/errors.js';

const linux = { platform: 'linux' as const, home: '/home/ana', env: {}, cwd: '/work' };

test('the default location is one file per app under the XDG config directory', () => {
  assert.deepEqual(resolveSettingsLocation('', { ...linux, appId: '1234' }), { kind: 'file', path: '/home/ana/.config/igsql/oauth-1234.json' });
  assert.deepEqual(resolveSettingsLocation(undefined, { ...linux, env: { XDG_CONFIG_HOME: '/cfg' }, appId: '1234' }), { kind: 'file', path: '/cfg/igsql/oauth-1234.json' });
  // A relative XDG_CONFIG_HOME is ignored, as the spec says.
  assert.equal(configDirectory({ ...linux, env: { XDG_CONFIG_HOME: 'rel' } }), '/home/ana/.config');
  assert.equal(configDirectory({ platform: 'darwin', home: '/Users/ana', env: {} }), '/Users/ana/Library/Application Support');
  assert.equal(configDirectory({ platform: 'win32', home: 'C:\\Users\\ana', env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' } }), 'C:\\Users\\ana\\AppData\\Roaming');
});

test("the connection-string catalog's default text means the per-app default", () => {
  assert.deepEqual(resolveSettingsLocation(CATALOG_DEFAULT_LOCATION, { ...linux, appId: '99' }), { kind: 'file', path: '/home/ana/.config/igsql/oauth-99.json' });
});

test('file names are safe whatever the app id', () => {
  assert.equal(defaultSettingsFileName(undefined), 'oauth-default.json');
  assert.equal(defaultSettingsFileName('../../etc/passwd'), 'oauth-__.._etc_passwd.json');
  assert.ok(!defaultSettingsFileName('a/b\\c').includes('/'));
});

test('explicit paths expand ~ and %APPDATA% and resolve against the working directory', () => {
  assert.deepEqual(resolveSettingsLocation('~/tokens.json', linux), { kind: 'file', path: '/home/ana/tokens.json' });
  assert.deepEqual(resolveSettingsLocation('%APPDATA%/igsql/mine.json', linux), { kind: 'file', path: '/home/ana/.config/igsql/mine.json' });
  assert.deepEqual(resolveSettingsLocation('rel/t.json', linux), { kind: 'file', path: '/work/rel/t.json' });
  assert.deepEqual(resolveSettingsLocation('/srv/tokens/', { ...linux, appId: '7' }), { kind: 'file', path: '/srv/tokens/oauth-7.json' });
});

test('memory://name is kept in the process; an empty name is a config error', () => {
  const loc = resolveSettingsLocation('memory://main', linux);
  assert.deepEqual(loc, { kind: 'memory', name: 'main' });
  assert.equal(describeLocation(loc), 'memory://main');
  assert.throws(() => resolveSettingsLocation('MEMORY://', linux), (err: unknown) => IgsqlError.is(err) && err.code === 'config' && /needs a name/.test(err.message));
});
