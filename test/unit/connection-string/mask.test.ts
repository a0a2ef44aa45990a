import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { MASK, maskIfSensitive, maskProperties, maskSecret, safeConnectionString } from '../../../src/connection-string/mask.js';
import { parseConnectionString } from '../../../src/connection-string/parse.js';
import { ConnectionSettings, defaultProperties, resolveConnectionProperties } from '../../../src/connection-string/properties.js';

const SECRETS = {
  OAuthAccessToken: 'EAAtokenSECRET1',
  OAuthClientSecret: 'appSECRET2',
  OAuthRefreshToken: 'refreshSECRET3',
  ProxyPassword: 'proxySECRET4',
  FirewallPassword: 'fwSECRET5',
  OAuthVerifier: 'verifierSECRET6',
};
const TEXT =
  Object.entries(SECRETS)
    .map(([k, v]) => `${k}=${v}`)
    .join(';') + ';ProxyServer=p;FirewallType=SOCKS5;FirewallServer=fw;Timeout=5';

function assertNoSecret(output: string): void {
  for (const secret of Object.values(SECRETS)) assert.ok(!output.includes(secret), `${secret} leaked in: ${output}`);
}

test('maskSecret hides any non-empty value behind one fixed mask', () => {
  assert.equal(maskSecret('abc'), MASK);
  assert.equal(maskSecret('a much longer secret'), MASK);
  assert.equal(maskSecret(''), '');
  assert.equal(MASK, '****');
  assert.equal(maskIfSensitive('proxy password', 'x'), MASK);
  assert.equal(maskIfSensitive('Timeout', 'x'), 'x');
  assert.equal(maskIfSensitive('ProxyPassword', 5), 5);
});

test('ConnectionSettings: toString, JSON.stringify and util.inspect mask secrets', () => {
  const s = resolveConnectionProperties(TEXT);
  const str = String(s);
  assertNoSecret(str);
  assert.equal(
    str,
    'OAuthAccessToken=****;OAuthClientSecret=****;OAuthRefreshToken=****;ProxyPassword=****;FirewallPassword=****;OAuthVerifier=****;ProxyServer=p;FirewallType=SOCKS5;FirewallServer=fw;Timeout=5',
  );
  const json = JSON.stringify(s);
  assertNoSecret(json);
  assert.deepEqual(JSON.parse(json), { ...Object.fromEntries(Object.keys(SECRETS).map((k) => [k, MASK])), ProxyServer: 'p', FirewallType: 'SOCKS5', FirewallServer: 'fw', Timeout: 5 });
  const shown = inspect(s);
  assertNoSecret(shown);
  assert.match(shown, /^ConnectionSettings \{/);
  assert.match(shown, /OAuthAccessToken: '\*\*\*\*'/);
  assertNoSecret(`${s}`);
  assertNoSecret(inspect({ nested: { s } }, { depth: 5 }));
});

test('ConnectionSettings: code still reads the secrets; userValues shows them only when asked', () => {
  const s = resolveConnectionProperties(TEXT);
  assert.equal(s.values.OAuthAccessToken, SECRETS.OAuthAccessToken);
  assert.equal(s.values.ProxyPassword, SECRETS.ProxyPassword);
  assert.equal(s.userValues().ProxyPassword, MASK);
  assert.equal(s.userValues({ showSecrets: true }).ProxyPassword, SECRETS.ProxyPassword);
});

test('settings.values: secrets are not enumerable, and JSON/inspect of values mask them', () => {
  const s = resolveConnectionProperties(TEXT);
  assert.ok(!Object.keys(s.values).includes('OAuthAccessToken'));
  assert.ok(Object.keys(s.values).includes('Timeout'));
  assertNoSecret(JSON.stringify({ ...s.values }));
  const json = JSON.parse(JSON.stringify(s.values)) as Record<string, unknown>;
  assert.equal(json['OAuthAccessToken'], MASK);
  assert.equal(json['Timeout'], 5);
  assert.equal(json['OAuthClientId'], '');
  const shown = inspect(s.values);
  assertNoSecret(shown);
  assert.match(shown, /ProxyPassword: '\*\*\*\*'/);
  assert.ok(Object.isFrozen(s.values));
});

test('an empty secret shows as empty, not as a mask', () => {
  const s = new ConnectionSettings(defaultProperties(), ['OAuthAccessToken']);
  assert.deepEqual(s.userValues(), { OAuthAccessToken: '' });
  assert.deepEqual(s.warnings, []);
});

test('ParsedConnectionString: toString, JSON and inspect mask secrets under any name; pairs hide their value', () => {
  const parsed = parseConnectionString("jdbc:instagram:access token=tokSECRET;Client Secret='s;SECRET';Timeout=5;Foo=bar");
  for (const out of [String(parsed), JSON.stringify(parsed), inspect(parsed), inspect(parsed.pairs)]) {
    assert.ok(!out.includes('SECRET'), out);
  }
  assert.equal(String(parsed), 'access token=****;Client Secret=****;Timeout=5;Foo=bar');
  assert.match(inspect(parsed), /^ParsedConnectionString \{/);
  assert.equal(parsed.get('ACCESS TOKEN'), 'tokSECRET');
  assert.equal(parsed.pairs[0]!.value, 'tokSECRET');
  assert.equal(parsed.toRecord()['Client Secret'], 's;SECRET');
  assert.ok(Object.isFrozen(parsed.pairs[0]));
});

test('safeConnectionString masks a connection string for logs, or replaces an unreadable one', () => {
  assert.equal(safeConnectionString('Timeout=5;ProxyPassword=hunter2'), 'Timeout=5;ProxyPassword=****');
  assert.equal(safeConnectionString(parseConnectionString('AppSecret=x')), 'AppSecret=****');
  assert.equal(safeConnectionString("ProxyPassword='hunter2"), '<invalid connection string of 22 characters>');
  assert.equal(safeConnectionString(''), '');
});

test('maskProperties masks the secrets of a record, leaving other values alone', () => {
  const input = { ProxyPassword: 'pw', 'oauth access token': 'tok', Timeout: 5, ProxyUser: 'me', OAuthVerifier: 7 };
  assert.deepEqual(maskProperties(input), { ProxyPassword: MASK, 'oauth access token': MASK, Timeout: 5, ProxyUser: 'me', OAuthVerifier: 7 });
  assert.equal(input.ProxyPassword, 'pw');
});

test('ParsedConnectionString: a pair after a secret that may be a piece of it (an unquoted ; in the secret) is masked, key and value', () => {
  const parsed = parseConnectionString('ProxyPassword=ab;cd=ef;Timeout=5');
  assert.equal(String(parsed), 'ProxyPassword=****;****1=****;Timeout=5');
  assert.doesNotMatch(JSON.stringify(parsed), /cd|ef/);
});
