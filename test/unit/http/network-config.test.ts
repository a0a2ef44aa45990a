import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveNetworkConfig } from '../../../src/http/network-config.js';
import { createHostMatcher, proxiesFromEnv } from '../../../src/http/proxy-rules.js';

const P = { ProxyServer: 'proxy.corp', ProxyPort: 3128 };

test('ProxySSLType decides tunnel or forward per target scheme', () => {
  const kind = (ProxySSLType: string | undefined, protocol: string) => resolveNetworkConfig({ ...P, ProxySSLType }, {}).routeFor(protocol, 'graph.facebook.com', 443).kind;
  assert.equal(kind(undefined, 'https:'), 'tunnel');
  assert.equal(kind('AUTO', 'http:'), 'forward');
  assert.equal(kind('TUNNEL', 'http:'), 'tunnel');
  assert.equal(kind('NEVER', 'https:'), 'forward');
  assert.equal(kind('always', 'https:'), 'tunnel');
  const always = resolveNetworkConfig({ ...P, ProxySSLType: 'ALWAYS' }, {}).routeFor('https:', 'h', 443);
  assert.ok(always.kind === 'tunnel' && always.proxy.tls);
});

test('ProxyServer accepts host, host:port and http(s):// URLs; ProxyPort defaults to 80', () => {
  const proxy = (o: Record<string, unknown>) => resolveNetworkConfig(o, {}).proxies[0]!;
  assert.equal(proxy({ ProxyServer: 'p.corp' }).port, 80);
  assert.equal(proxy({ ProxyServer: 'p.corp:8080' }).port, 8080);
  assert.deepEqual([proxy({ ProxyServer: 'https://p.corp' }).tls, proxy({ ProxyServer: 'https://p.corp' }).port], [true, 80]);
  assert.throws(() => resolveNetworkConfig({ ProxyServer: 'socks5://p' }, {}), (e: any) => e.code === 'config' && /FirewallType/.test(e.message));
});

test('ProxyExceptions bypass the proxy (wildcards, domains, ports, CIDR)', () => {
  const cfg = resolveNetworkConfig({ ...P, ProxyExceptions: '*.internal;localhost;10.0.0.0/8;api.corp:8443' }, {});
  const kind = (host: string, port = 443) => cfg.routeFor('https:', host, port).kind;
  assert.equal(kind('a.b.internal'), 'direct');
  assert.equal(kind('localhost'), 'direct');
  assert.equal(kind('10.1.2.3'), 'direct');
  assert.equal(kind('11.1.2.3'), 'tunnel');
  assert.equal(kind('api.corp', 8443), 'direct');
  assert.equal(kind('api.corp', 443), 'tunnel');
  assert.equal(kind('graph.facebook.com'), 'tunnel');
});

test('host matcher: NO_PROXY style entries', () => {
  const m = createHostMatcher(['example.com', '.corp.net', '[::1]', '192.168.*']);
  assert.ok(m('example.com', 1) && m('api.example.com', 1) && !m('badexample.com', 1));
  assert.ok(m('x.corp.net', 1) && m('corp.net', 1));
  assert.ok(m('::1', 1) && m('192.168.0.9', 1));
  assert.ok(createHostMatcher(['*'])('anything', 1));
});

test('ProxyAutoDetect reads HTTPS_PROXY / HTTP_PROXY / NO_PROXY in either case; lower case wins', () => {
  const env = { HTTPS_PROXY: 'http://upper:3128', https_proxy: 'http://bob:s%40cret@lower.corp:8080', HTTP_PROXY: 'http://plain.corp', no_proxy: 'localhost, .svc' };
  const cfg = resolveNetworkConfig({ ProxyAutoDetect: true, ProxyServer: 'ignored' }, env);
  const https = cfg.routeFor('https:', 'graph.facebook.com', 443);
  assert.ok(https.kind === 'tunnel');
  assert.equal(https.proxy.host, 'lower.corp');
  assert.deepEqual(https.proxy.credentials, { user: 'bob', password: 's@cret' });
  const http = cfg.routeFor('http:', 'example.com', 80);
  assert.ok(http.kind === 'forward' && http.proxy.host === 'plain.corp' && http.proxy.port === 80);
  assert.equal(cfg.routeFor('https:', 'a.svc', 443).kind, 'direct');
  assert.equal(cfg.warnings.length, 1);
  assert.equal(resolveNetworkConfig({ ProxyAutoDetect: true }, {}).routeFor('https:', 'x', 443).kind, 'direct');
  const socks = proxiesFromEnv({ HTTPS_PROXY: 'socks5://u:p@s.corp' }, 'AUTO').https as any;
  assert.deepEqual([socks.type, socks.port], ['SOCKS5', 1080]);
});

test('unsupported proxy auth schemes are rejected with a clear unsupported error', () => {
  for (const scheme of ['DIGEST', 'NTLM', 'NEGOTIATE', 'PROPRIETARY']) {
    assert.throws(() => resolveNetworkConfig({ ...P, ProxyAuthScheme: scheme }, {}), (e: any) => e.code === 'unsupported' && e.message.includes(`ProxyAuthScheme=${scheme}`) && /BASIC/.test(e.message));
  }
  assert.throws(() => resolveNetworkConfig({ ...P, ProxyAuthScheme: 'KERBEROS' }, {}), (e: any) => e.code === 'config' && /BASIC, NONE/.test(e.message));
  assert.equal(resolveNetworkConfig({ ...P, ProxyAuthScheme: 'NONE', ProxyUser: 'u', ProxyPassword: 'p' }, {}).proxies[0]!.credentials, undefined);
  // no proxy configured: the scheme does not matter
  assert.doesNotThrow(() => resolveNetworkConfig({ ProxyAuthScheme: 'NTLM' }, {}));
});

test('firewalls: default ports, FirewallServer required, bad values named', () => {
  const fw = (o: Record<string, unknown>) => resolveNetworkConfig(o, {}).firewall!;
  assert.equal(fw({ FirewallType: 'TUNNEL', FirewallServer: 'f' }).port, 80);
  assert.equal(fw({ FirewallType: 'socks5', FirewallServer: 'f' }).port, 1080);
  assert.equal(fw({ FirewallType: 'SOCKS4', FirewallServer: 'f', FirewallPort: 9050 }).port, 9050);
  assert.throws(() => resolveNetworkConfig({ FirewallType: 'SOCKS5' }, {}), (e: any) => e.code === 'config' && /FirewallServer/.test(e.message));
  assert.throws(() => resolveNetworkConfig({ FirewallType: 'SOCKS6', FirewallServer: 'f' }, {}), (e: any) => /NONE, TUNNEL, SOCKS4, SOCKS5/.test(e.message));
  assert.throws(() => resolveNetworkConfig({ ...P, ProxyPort: 70000 }, {}), (e: any) => /ProxyPort/.test(e.message));
  assert.throws(() => resolveNetworkConfig({ Timeout: -1 }, {}), (e: any) => /Timeout/.test(e.message));
  const chained = resolveNetworkConfig({ ...P, FirewallType: 'SOCKS5', FirewallServer: 'f' }, {}).routeFor('https:', 'h', 443);
  assert.ok(chained.kind === 'tunnel' && chained.firewall?.type === 'SOCKS5');
});
