import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHostPort } from '../../../src/connection-string/cross-field.js';
import { resolveConnectionProperties } from '../../../src/connection-string/properties.js';

const resolve = resolveConnectionProperties;

function message(text: string): string {
  try {
    resolve(text);
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail(`resolved without error: ${text}`);
}

test('ProxyServer without a port uses ProxyPort, or its default', () => {
  assert.equal(resolve('ProxyServer=proxy.corp').values.ProxyPort, 80);
  const s = resolve('ProxyServer=proxy.corp;ProxyPort=3128');
  assert.equal(s.values.ProxyServer, 'proxy.corp');
  assert.equal(s.values.ProxyPort, 3128);
});

test('ProxyServer=host:port sets ProxyPort (and counts it as set)', () => {
  const s = resolve('ProxyServer=proxy.corp:3128');
  assert.equal(s.values.ProxyServer, 'proxy.corp');
  assert.equal(s.values.ProxyPort, 3128);
  assert.deepEqual(s.userValues(), { ProxyServer: 'proxy.corp', ProxyPort: 3128 });
  assert.equal(resolve('ProxyServer=http://proxy.corp:8080/').values.ProxyPort, 8080);
  assert.equal(resolve('ProxyServer=HTTP://proxy.corp').values.ProxyServer, 'proxy.corp');
  const v6 = resolve('ProxyServer=[::1]:3128');
  assert.equal(v6.values.ProxyServer, '::1');
  assert.equal(v6.values.ProxyPort, 3128);
  assert.equal(resolve('ProxyServer=[::1]').values.ProxyServer, '::1');
  assert.equal(resolve('ProxyServer=fe80::1').values.ProxyServer, 'fe80::1');
  // The same port twice is fine; a different one is a contradiction.
  assert.equal(resolve('ProxyPort=3128;ProxyServer=p:3128').values.ProxyPort, 3128);
  assert.equal(
    message('ProxyPort=81;ProxyServer=h:3128'),
    "Invalid connection string: ProxyServer='h:3128' at character 26: its port 3128 contradicts ProxyPort=81: give the port once",
  );
});

test('a bad host:port in ProxyServer says what is wrong', () => {
  assert.match(message('ProxyServer=h:99999'), /ProxyServer='h:99999' at character 13: expected a port from 1 to 65535 after ':', not '99999'/);
  assert.match(message('ProxyServer=h:0'), /not '0'/);
  assert.match(message('ProxyServer=h:'), /not ''/);
  assert.match(message('ProxyServer=h:80a'), /not '80a'/);
  assert.match(message('ProxyServer=:3128'), /ProxyServer=':3128' at character 13: the host name is missing/);
  assert.match(message('ProxyServer=[]:1'), /the host name is missing/);
  assert.match(message('ProxyServer=socks5://h:1080'), /expected a host name or host:port, not a socks5:\/\/ URL/);
  // An invalid server does not also trigger the rules that use it.
  assert.doesNotMatch(message('ProxyServer=:1;ProxyAutoDetect=true'), /cannot be combined/);
});

test('FirewallServer=host:port sets FirewallPort; FirewallPort=0 means the type default', () => {
  const s = resolve('FirewallType=SOCKS5;FirewallServer=fw:1081');
  assert.equal(s.values.FirewallServer, 'fw');
  assert.equal(s.values.FirewallPort, 1081);
  assert.equal(resolve('FirewallType=socks5;FirewallPort=0;FirewallServer=fw:1082').values.FirewallPort, 1082);
  assert.match(message('FirewallType=socks5;FirewallPort=1;FirewallServer=fw:1082'), /its port 1082 contradicts FirewallPort=1/);
});

test('FirewallType other than NONE needs FirewallServer; the port defaults by type', () => {
  assert.equal(
    message('FirewallType=socks5'),
    'Invalid connection string: FirewallType=SOCKS5 at character 1 needs FirewallServer (the host name of the firewall)',
  );
  assert.equal(resolve('FirewallType=TUNNEL;FirewallServer=fw').values.FirewallPort, 80);
  assert.equal(resolve('FirewallType=SOCKS4;FirewallServer=fw').values.FirewallPort, 1080);
  assert.equal(resolve('FirewallType=SOCKS5;FirewallServer=fw').values.FirewallPort, 1080);
  assert.equal(resolve('FirewallType=SOCKS5;FirewallServer=fw;FirewallPort=9050').values.FirewallPort, 9050);
  assert.equal(resolve('').values.FirewallPort, 0);
  assert.ok(!resolve('FirewallType=TUNNEL;FirewallServer=fw').explicit.has('FirewallPort'));
});

test('ProxyAutoDetect=true and ProxyServer cannot be combined', () => {
  assert.equal(
    message('ProxyAutoDetect=true;ProxyServer=p'),
    'Invalid connection string: ProxyServer at character 22 cannot be combined with ProxyAutoDetect=true (which takes the proxy from HTTPS_PROXY/HTTP_PROXY): set one of them',
  );
  assert.equal(resolve('ProxyAutoDetect=true;ProxyUser=u;ProxyPassword=p').warnings.length, 0);
});

test('proxy details without a proxy, firewall details without a firewall: warnings', () => {
  assert.deepEqual(resolve('ProxyUser=u;ProxyPassword=p').warnings, [
    'ProxyUser, ProxyPassword have no effect: no proxy is set (set ProxyServer, or ProxyAutoDetect=true)',
  ]);
  assert.deepEqual(resolve('ProxyPort=3128').warnings, ['ProxyPort has no effect: no proxy is set (set ProxyServer, or ProxyAutoDetect=true)']);
  assert.deepEqual(resolve('FirewallServer=fw:1080;FirewallUser=u').warnings, [
    'FirewallServer, FirewallPort, FirewallUser have no effect: FirewallType is NONE (set FirewallType=TUNNEL, SOCKS4 or SOCKS5)',
  ]);
  assert.deepEqual(resolve('ProxyServer=p;ProxyUser=u;FirewallType=NONE').warnings, []);
});

test('AppSecretProof=true needs OAuthClientSecret', () => {
  assert.equal(
    message('AppSecretProof=true'),
    'Invalid connection string: AppSecretProof=true at character 1 needs OAuthClientSecret (the app secret to sign calls with)',
  );
  assert.equal(resolve('AppSecretProof=true;OAuthClientSecret=s').values.AppSecretProof, true);
  assert.equal(resolve('AppSecretProof=false').values.AppSecretProof, false);
});

test('rules are skipped when a property they use is invalid', () => {
  const text = message('FirewallType=SOCKS9;FirewallServer=fw');
  assert.doesNotMatch(text, /no effect|needs/);
  assert.match(text, /FirewallType='SOCKS9'/);
});

test('parseHostPort', () => {
  assert.deepEqual(parseHostPort(' h '), { host: 'h' });
  assert.deepEqual(parseHostPort('h:1'), { host: 'h', port: 1 });
  assert.deepEqual(parseHostPort('[fe80::1]:65535'), { host: 'fe80::1', port: 65535 });
  assert.deepEqual(parseHostPort('http://h'), { host: 'h' });
  assert.equal(parseHostPort('https://h'), 'expected a host name or host:port, not a https:// URL');
  assert.equal(parseHostPort('h:123456'), "expected a port from 1 to 65535 after ':', not '123456'");
});
