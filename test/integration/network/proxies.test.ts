/**
 * Proxies and firewalls end to end, through the public API: connect(connection string) + SQL
 * against the sandbox, through REAL proxy servers (none written here): tinyproxy (HTTP proxy with
 * Basic auth) and microsocks (SOCKS5 with user/password) from Debian, or the npm stand-ins when
 * the binaries are absent. Each test proves the traffic passed through the proxy (its log or
 * counters) and that the query's rows are the ones a direct connection returns.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { connect, IgsqlError } from '../../../src/index.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { queryRows, quoted, withEnv } from '../../helpers/connect-rows.js';
import { type RealProxy, findBinary, startHttpProxy, startSocks5 } from '../../helpers/real-proxies.js';

const PROXY_PASSWORD = 'pr0xy-Pw-7Hq2x';
const SOCKS_PASSWORD = 'socks-Pw-81kq';
const SQL = 'SELECT Id, Name FROM Page ORDER BY Id';

let sb: Sandbox;
let expected: unknown[];

function base(): string {
  return `BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser};Timeout=10;MaxRetries=0`;
}

function run(extra: string, sql = SQL): Promise<unknown[]> {
  return queryRows(`${base()};${extra}`, sql);
}

before(async () => {
  sb = await startSandbox({ port: 0 });
  expected = await run('');
  assert.ok(expected.length > 0);
});
after(() => sb.stop());

const httpKinds = [
  { name: 'Debian tinyproxy', preferNpm: false, present: findBinary('tinyproxy') !== undefined },
  { name: 'npm proxy', preferNpm: true, present: true },
];

for (const kind of httpKinds) {
  describe(`connect() through an HTTP proxy with Basic auth (${kind.name})`, { skip: kind.present ? false : 'tinyproxy is not installed (apt-get install tinyproxy)' }, () => {
    let proxy: RealProxy;
    before(async () => (proxy = await startHttpProxy('alice', PROXY_PASSWORD, { preferNpm: kind.preferNpm })));
    after(() => proxy.stop());
    const props = (password = PROXY_PASSWORD): string => `ProxyServer=127.0.0.1;ProxyPort=${proxy.port};ProxyUser=alice;ProxyPassword=${quoted(password)}`;

    test('a query returns the direct rows, and the proxy logged the requests', async () => {
      const n = proxy.evidence().length;
      assert.deepEqual(await run(props()), expected);
      const seen = proxy.evidence().slice(n);
      assert.ok(seen.length > 0, `${proxy.implementation} saw no request`);
      assert.ok(seen.some((l) => l.includes(String(sb.port))), seen.join('\n'));
    });

    test('ProxySSLType=TUNNEL: the same query over a CONNECT tunnel', async () => {
      const n = proxy.evidence().length;
      assert.deepEqual(await run(`${props()};ProxySSLType=TUNNEL`), expected);
      assert.ok(proxy.evidence().slice(n).some((l) => /CONNECT/i.test(l)), proxy.evidence().slice(n).join('\n'));
    });

    test('wrong credentials: a typed proxy error naming the proxy and user, never the password', async () => {
      for (const mode of ['', ';ProxySSLType=TUNNEL']) {
        const err = await run(props('Wr0ng-Secret-77') + mode).then(() => undefined, (e: unknown) => e);
        assert.ok(err instanceof IgsqlError, `expected an IgsqlError, got ${String(err)}`);
        assert.equal(err.code, 'proxy', err.message);
        assert.match(err.message, new RegExp(`HTTP proxy 127\\.0\\.0\\.1:${proxy.port}`));
        assert.match(err.message, /ProxyUser/);
        assert.ok(!inspect(err, { depth: 20 }).includes('Wr0ng-Secret-77'), 'the password is nowhere in the error, its cause chain included');
        assert.ok(!err.message.includes(PROXY_PASSWORD));
      }
    });

    test('ProxyExceptions: an excepted host goes direct (the proxy sees nothing)', async () => {
      const n = proxy.evidence().length;
      assert.deepEqual(await run(`${props()};ProxyExceptions="example.com;127.0.0.*"`), expected);
      assert.equal(proxy.evidence().length, n, proxy.evidence().slice(n).join('\n'));
    });

    test('ProxyAutoDetect: HTTP_PROXY with credentials is used; NO_PROXY sends the host direct', async () => {
      const url = `http://alice:${encodeURIComponent(PROXY_PASSWORD)}@127.0.0.1:${proxy.port}`;
      const clear = { HTTPS_PROXY: undefined, https_proxy: undefined, http_proxy: undefined, NO_PROXY: undefined, no_proxy: undefined };
      let n = proxy.evidence().length;
      assert.deepEqual(await withEnv({ ...clear, HTTP_PROXY: url }, () => run('ProxyAutoDetect=true')), expected);
      assert.ok(proxy.evidence().length > n, 'HTTP_PROXY was used');
      n = proxy.evidence().length;
      assert.deepEqual(await withEnv({ ...clear, HTTP_PROXY: url, NO_PROXY: 'localhost,127.0.0.1' }, () => run('ProxyAutoDetect=true')), expected);
      assert.equal(proxy.evidence().length, n, 'NO_PROXY bypassed the proxy');
    });
  });
}

test('ProxyAuthScheme DIGEST, NTLM and NEGOTIATE are refused at connect() as not supported yet', async () => {
  for (const scheme of ['DIGEST', 'NTLM', 'NEGOTIATE']) {
    const err = await connect(`${base()};ProxyServer=127.0.0.1;ProxyPort=3128;ProxyAuthScheme=${scheme};ProxyUser=u;ProxyPassword=Secret-Pw-99`).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof IgsqlError, String(err));
    assert.equal(err.code, 'unsupported', err.message);
    assert.match(err.message, new RegExp(`ProxyAuthScheme=${scheme} is not supported`));
    assert.ok(!inspect(err, { depth: 20 }).includes('Secret-Pw-99'));
  }
});

const socksKinds = [
  { name: 'Debian microsocks', preferNpm: false, present: findBinary('microsocks') !== undefined },
  { name: 'npm @pondwader/socks5-server', preferNpm: true, present: true },
];

for (const kind of socksKinds) {
  describe(`connect() through a SOCKS5 firewall with user/password (${kind.name})`, { skip: kind.present ? false : 'microsocks is not installed (apt-get install microsocks)' }, () => {
    let socks: RealProxy;
    before(async () => (socks = await startSocks5('bob', SOCKS_PASSWORD, { preferNpm: kind.preferNpm })));
    after(() => socks.stop());
    const props = (password = SOCKS_PASSWORD): string => `FirewallType=SOCKS5;FirewallServer=127.0.0.1;FirewallPort=${socks.port};FirewallUser=bob;FirewallPassword=${quoted(password)}`;

    test('a query returns the direct rows, and the SOCKS server recorded the connection', async () => {
      const n = socks.evidence().length;
      assert.deepEqual(await run(props()), expected);
      assert.ok(socks.evidence().length > n, `${socks.implementation} recorded nothing`);
    });

    test('wrong credentials: a typed proxy error naming FirewallUser, never the password', async () => {
      const err = await run(props('N0pe-Socks-55')).then(() => undefined, (e: unknown) => e);
      assert.ok(err instanceof IgsqlError, String(err));
      assert.equal(err.code, 'proxy', err.message);
      assert.match(err.message, /SOCKS5 firewall 127\.0\.0\.1/);
      assert.ok(!inspect(err, { depth: 20 }).includes('N0pe-Socks-55'), 'the password is nowhere in the error, its cause chain included');
    });
  });
}
