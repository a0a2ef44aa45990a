/**
 * Chains and TLS through proxies, end to end through connect() + SQL against the sandbox, with
 * REAL servers: a SOCKS5 firewall (microsocks) in front of an HTTP proxy (tinyproxy), the HTTPS
 * sandbox through a CONNECT tunnel with the certificate pinned (also found by ProxyAutoDetect
 * from HTTPS_PROXY), and dante as a SOCKS4 firewall. Each proves the traffic passed through.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IgsqlError } from '../../../src/index.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { queryRows, quoted, withEnv } from '../../helpers/connect-rows.js';
import { type RealProxy, findBinary, startDanteSocks4, startHttpProxy, startSocks5 } from '../../helpers/real-proxies.js';

const PROXY_PASSWORD = 'pr0xy-Pw-7Hq2x';
const SOCKS_PASSWORD = 'socks-Pw-81kq';
const SQL = 'SELECT Id, Name FROM Page ORDER BY Id';

let sb: Sandbox;
let expected: unknown[];

function run(extra: string): Promise<unknown[]> {
  return queryRows(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser};Timeout=10;MaxRetries=0;${extra}`, SQL);
}

before(async () => {
  sb = await startSandbox({ port: 0 });
  expected = await run('');
  assert.ok(expected.length > 0);
});
after(() => sb.stop());

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
    rows = await queryRows(`BaseURL=${tls.url};OAuthAccessToken=${tls.tokens.longLivedUser};SSLServerCert=${tls.certificate!.fingerprint256}`, SQL);
  });
  after(async () => {
    await proxy.stop();
    await tls.stop();
  });
  const https = (extra: string): Promise<unknown[]> => queryRows(`BaseURL=${tls.url};OAuthAccessToken=${tls.tokens.longLivedUser};Timeout=10;MaxRetries=0;${extra}`, SQL);

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
