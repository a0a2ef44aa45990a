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
import { type RealProxy, findBinary, startDanteSocks4, startHttpProxy, startSocks5 } from '../../helpers/real-proxies.js';

const PROXY_PASSWORD = 'pr0xy-Pw-7Hq2x';
const SOCKS_PASSWORD = 'socks-Pw-81kq';
const SQL = 'SELECT Id, Name FROM Page ORDER BY Id';

let sb: Sandbox;
let expected: unknown[];

function base(): string {
  return `BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser};Timeout=10;MaxRetries=0`;
}

async function run(extra: string, sql = SQL): Promise<unknown[]> {
  const conn = await connect(`${base()};${extra}`);
  try {
    return (await conn.query(sql)).rows;
  } finally {
    await conn.close();
  }
}

/** Runs `fn` with these environment variables set (ProxyAutoDetect reads them at connect()). */
async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
}

function quoted(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
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

describe('connect() through a SOCKS5 firewall chained to an HTTP proxy', { skip: findBinary('tinyproxy') && findBinary('microsocks') ? false : 'needs tinyproxy and microsocks' }, () => {
  let proxy: RealProxy;
  let socks: RealProxy;
  before(async () => {
    proxy = await startHttpProxy('alice', PROXY_PASSWORD);
    socks = await startSocks5('bob', SOCKS_PASSWORD);
  });
  after(async () => {
    await proxy.stop();
    await socks.stop();
  });

  test('firewall → proxy → sandbox: both saw the traffic, the rows are the direct ones', async () => {
    const p = proxy.evidence().length;
    const s = socks.evidence().length;
    const props = `ProxyServer=127.0.0.1;ProxyPort=${proxy.port};ProxyUser=alice;ProxyPassword=${quoted(PROXY_PASSWORD)};` +
      `FirewallType=SOCKS5;FirewallServer=127.0.0.1;FirewallPort=${socks.port};FirewallUser=bob;FirewallPassword=${SOCKS_PASSWORD}`;
    assert.deepEqual(await run(props), expected);
    assert.ok(proxy.evidence().length > p, 'the HTTP proxy saw the requests');
    assert.ok(socks.evidence().length > s, 'the SOCKS5 firewall saw the connection to the proxy');
  });
});

describe('connect() to the HTTPS sandbox through a CONNECT tunnel, the certificate pinned', () => {
  let tls: Sandbox;
  let proxy: RealProxy;
  let rows: unknown[];
  before(async () => {
    tls = await startSandbox({ port: 0, https: true });
    proxy = await startHttpProxy('alice', PROXY_PASSWORD);
    const conn = await connect(`BaseURL=${tls.url};OAuthAccessToken=${tls.tokens.longLivedUser};SSLServerCert=${tls.certificate!.fingerprint256}`);
    rows = (await conn.query(SQL)).rows;
    await conn.close();
  });
  after(async () => {
    await proxy.stop();
    await tls.stop();
  });
  const https = (extra: string): Promise<unknown[]> =>
    connect(`BaseURL=${tls.url};OAuthAccessToken=${tls.tokens.longLivedUser};Timeout=10;MaxRetries=0;${extra}`).then(async (conn) => {
      try {
        return (await conn.query(SQL)).rows;
      } finally {
        await conn.close();
      }
    });

  test('ProxyServer: TLS end to end through the tunnel, pinned by fingerprint; a wrong pin is still refused', async () => {
    const n = proxy.evidence().length;
    const props = `ProxyServer=127.0.0.1;ProxyPort=${proxy.port};ProxyUser=alice;ProxyPassword=${PROXY_PASSWORD}`;
    assert.deepEqual(await https(`${props};SSLServerCert=${tls.certificate!.fingerprint256}`), rows);
    assert.ok(proxy.evidence().slice(n).some((l) => /CONNECT/i.test(l) && l.includes(String(tls.port))), proxy.evidence().slice(n).join('\n'));
    const err = await https(`${props};SSLServerCert=${'AB:'.repeat(31)}AB`).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof IgsqlError && err.code === 'tls', String(err));
  });

  test('ProxyAutoDetect: HTTPS_PROXY is used for the https BaseURL, NO_PROXY bypasses it', async () => {
    const env = { HTTPS_PROXY: `http://alice:${encodeURIComponent(PROXY_PASSWORD)}@127.0.0.1:${proxy.port}`, https_proxy: undefined, HTTP_PROXY: undefined, http_proxy: undefined, NO_PROXY: undefined, no_proxy: undefined };
    let n = proxy.evidence().length;
    assert.deepEqual(await withEnv(env, () => https(`ProxyAutoDetect=true;SSLServerCert=${tls.certificate!.fingerprint256}`)), rows);
    assert.ok(proxy.evidence().length > n, 'HTTPS_PROXY was used');
    n = proxy.evidence().length;
    assert.deepEqual(await withEnv({ ...env, NO_PROXY: '127.0.0.1' }, () => https(`ProxyAutoDetect=true;SSLServerCert=${tls.certificate!.fingerprint256}`)), rows);
    assert.equal(proxy.evidence().length, n, 'NO_PROXY bypassed the proxy');
  });
});

describe('connect() through a SOCKS4 firewall (Debian dante)', { skip: findBinary('danted') || findBinary('sockd') ? false : 'dante-server is not installed' }, () => {
  let dante: RealProxy;
  before(async () => (dante = (await startDanteSocks4())!));
  after(() => dante.stop());

  test('a query returns the direct rows and dante logged the connection', async () => {
    const n = dante.evidence().length;
    assert.deepEqual(await run(`FirewallType=SOCKS4;FirewallServer=127.0.0.1;FirewallPort=${dante.port}`), expected);
    assert.ok(dante.evidence().slice(n).some((l) => l.includes(String(sb.port))), dante.evidence().slice(n).join('\n'));
  });
});
