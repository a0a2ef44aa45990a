import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CATALOG,
  CATEGORIES,
  PROPERTIES,
  defaultProperties,
  findProperty,
  isSensitiveName,
  normalizeName,
} from '../../../src/connection-string/properties.js';

/** Every property of reference/cdata-instagram.md §3, by category. */
const REFERENCE: Record<string, readonly string[]> = {
  Authentication: ['BusinessAccountId', 'Version', 'AuthenticateAsPage', 'AuthScheme'],
  OAuth: [
    'InitiateOAuth', 'OAuthClientId', 'OAuthClientSecret', 'OAuthAccessToken', 'OAuthRefreshToken',
    'OAuthSettingsLocation', 'CallbackURL', 'OAuthVerifier', 'OAuthExpiresIn', 'OAuthTokenTimestamp', 'Scope',
  ],
  SSL: ['SSLServerCert'],
  Firewall: ['FirewallType', 'FirewallServer', 'FirewallPort', 'FirewallUser', 'FirewallPassword'],
  Proxy: [
    'ProxyAutoDetect', 'ProxyServer', 'ProxyPort', 'ProxyAuthScheme', 'ProxyUser', 'ProxyPassword',
    'ProxySSLType', 'ProxyExceptions',
  ],
  Logging: ['Logfile', 'Verbosity', 'LogModules', 'MaxLogFileSize', 'MaxLogFileCount'],
  Schema: ['Location', 'BrowsableSchemas', 'Tables', 'Views'],
  Miscellaneous: [
    'MaxRows', 'Other', 'Pagesize', 'PseudoColumns', 'Timeout', 'UserDefinedViews', 'UseConnectionPooling',
    'PoolIdleTimeout', 'PoolMaxSize', 'PoolMinSize', 'PoolWaitTime', 'ConnectionLifeTime',
  ],
  Caching: ['AutoCache', 'CacheConnection', 'CacheLocation', 'CacheMetadata', 'CacheProvider', 'CacheTolerance', 'Offline'],
};
/** igsql's additions. */
const ADDED = ['BaseURL', 'AppSecretProof', 'MaxConcurrentRequests', 'ResponseCacheTTL', 'MaxRetries'];

test('the catalog has every property of the reference, in its category, plus igsql\'s additions', () => {
  for (const [category, names] of Object.entries(REFERENCE)) {
    for (const name of names) {
      const def = findProperty(name);
      assert.ok(def, `${name} is missing`);
      assert.equal(def.name, name);
      assert.equal(def.category, category, name);
    }
  }
  const all = [...Object.values(REFERENCE).flat(), ...ADDED].sort();
  assert.deepEqual(PROPERTIES.map((d) => d.name).sort(), all);
  assert.deepEqual(Object.keys(CATALOG).sort(), all);
});

test('names and aliases are unique, ignoring case and spaces', () => {
  const seen = new Map<string, string>();
  for (const def of PROPERTIES) {
    for (const name of [def.name, ...def.aliases]) {
      const key = normalizeName(name);
      assert.ok(!seen.has(key), `${name} (${def.name}) clashes with ${seen.get(key)}`);
      seen.set(key, def.name);
    }
  }
});

test('every entry is complete: a one-line description, a category, a note exactly when not honoured', () => {
  for (const def of PROPERTIES) {
    assert.ok(CATEGORIES.includes(def.category), def.name);
    assert.match(def.description, /^[A-Z0-9].*\.$/, def.name);
    assert.ok(!def.description.includes('\n'), def.name);
    assert.ok(['honoured', 'ignored', 'unsupported'].includes(def.support), def.name);
    assert.equal(def.note !== undefined, def.support !== 'honoured', def.name);
    if (def.note !== undefined) assert.match(def.note, /^[a-z].*[^.]$/, def.name);
    assert.ok(def.type.label.length > 0, def.name);
    assert.ok(/^[A-Z][A-Za-z]+$/.test(def.name), def.name);
  }
});

test('each default reads back through its own type', () => {
  for (const def of PROPERTIES) {
    if (def.default === undefined) {
      assert.ok(def.defaultText, `${def.name} needs a defaultText`);
      continue;
    }
    const text = (def.type.format as (v: unknown) => string)(def.default);
    if (text === '') continue; // an empty value means the default
    const result = def.type.schema.safeParse(text);
    assert.ok(result.success, `${def.name}: ${text}`);
    assert.deepEqual(result.data, def.default, def.name);
  }
});

test('the secrets are exactly the tokens, the app secret, the passwords and the verifier', () => {
  const secrets = PROPERTIES.filter((d) => d.sensitive).map((d) => d.name).sort();
  assert.deepEqual(secrets, [
    'FirewallPassword', 'OAuthAccessToken', 'OAuthClientSecret', 'OAuthRefreshToken', 'OAuthVerifier', 'ProxyPassword',
  ]);
  // A secret's value is never checked, so no "invalid value" message can ever be about one.
  for (const name of secrets) assert.equal(findProperty(name)!.type.kind, 'string', name);
  for (const name of ['proxypassword', 'Proxy Password', 'AccessToken', 'client secret', 'APPSECRET', 'RefreshToken']) {
    assert.ok(isSensitiveName(name), name);
  }
  assert.ok(!isSensitiveName('Timeout'));
  assert.ok(!isSensitiveName('nothing'));
});

test('the defaults and choices the issue fixes', () => {
  const d = defaultProperties();
  assert.equal(d.BaseURL, 'https://graph.facebook.com');
  assert.equal(d.Version, 'v25.0');
  assert.equal(d.AuthScheme, 'OAuth');
  assert.equal(d.AppSecretProof, false);
  assert.equal(d.InitiateOAuth, 'OFF');
  assert.equal(d.Timeout, 60);
  assert.equal(d.ProxyPort, 80);
  assert.equal(d.Verbosity, 1);
  assert.equal(d.MaxLogFileSize, 100 * 1024 * 1024);
  assert.equal(d.MaxConcurrentRequests, 8);
  assert.equal(d.ResponseCacheTTL, 0);
  assert.equal(d.MaxRetries, 5);
  assert.equal(d.FirewallType, 'NONE');
  assert.equal(d.ProxyAuthScheme, 'BASIC');
  assert.equal(d.ProxySSLType, 'AUTO');
  assert.equal(d.OAuthExpiresIn, undefined);
  assert.deepEqual(d.ProxyExceptions, []);
  assert.deepEqual(CATALOG.AuthScheme.type.allowed, ['OAuth', 'SystemUser', 'AccessToken']);
  assert.deepEqual(CATALOG.FirewallType.type.allowed, ['NONE', 'TUNNEL', 'SOCKS4', 'SOCKS5']);
  assert.deepEqual(CATALOG.ProxyAuthScheme.type.allowed, ['BASIC', 'DIGEST', 'NONE', 'NEGOTIATE', 'NTLM', 'PROPRIETARY']);
  assert.match(CATALOG.ProxyAuthScheme.description, /DIGEST, NEGOTIATE, NTLM and PROPRIETARY are accepted .* refused when connecting/);
  assert.equal(CATALOG.Location.support, 'ignored');
  assert.equal(CATALOG.UseConnectionPooling.support, 'ignored');
  assert.equal(CATALOG.UserDefinedViews.support, 'unsupported');
  assert.equal(CATALOG.Offline.support, 'unsupported');
});

test('the catalog is frozen', () => {
  assert.ok(Object.isFrozen(PROPERTIES));
  assert.ok(PROPERTIES.every((d) => Object.isFrozen(d)));
});
