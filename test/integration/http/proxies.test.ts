/**
 * The network layer against REAL proxy servers (none written here): tinyproxy (HTTP proxy, Basic
 * auth), microsocks (SOCKS5, user/password) and dante (SOCKS4) from Debian, and the npm packages
 * `proxy` and `@pondwader/socks5-server`, which also stand in when the Debian binaries are absent.
 * Each test proves the traffic passed through the proxy (its log or counters, and the source
 * address the target saw) and that wrong credentials give a clear `proxy` error.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect as netConnect } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { createDispatcher, type NetworkOptions } from '../../../src/http/dispatcher.js';
import { GraphClient } from '../../../src/http/graph-client.js';
import { staticTokenProvider } from '../../../src/http/token-provider.js';
import { createLogger } from '../../../src/logging/logger.js';
import { testCert, type TestCert } from '../../helpers/certs.js';
import { MemorySink } from '../../helpers/memory-sink.js';
import { type RealProxy, findBinary, startDanteSocks4, startHttpProxy, startSocks5 } from '../../helpers/real-proxies.js';
import { type StubServer, sendJson, startStub } from '../../helpers/stub-server.js';

const TOKEN = 'EAAintegrationTOKEN1234567890';
const PROXY_PASSWORD = 'proxy-pw-7Hq2';
const SOCKS_PASSWORD = 'socks-pw-9Zx4';

let cert: TestCert;
let http: StubServer;
let https: StubServer;

before(async () => {
  cert = await testCert('localhost');
  const handler = (req: { remoteAddress: string | undefined; url: string }, res: Parameters<Parameters<typeof startStub>[0]>[1]) =>
    sendJson(res, 200, { data: [{ id: '17841400000000001', from: req.remoteAddress }], paging: { cursors: { after: 'A' } } });
  http = await startStub(handler);
  https = await startStub(handler, { cert });
});
after(async () => {
  await http.close();
  await https.close();
});

async function query(options: NetworkOptions, target: StubServer, extra: { sink?: MemorySink; env?: Record<string, string>; extraCa?: string[] } = {}): Promise<{ rows: Array<{ id: string; from: string }>; route: string }> {
  const logger = extra.sink ? createLogger({ Verbosity: 5 }, extra.sink) : undefined;
  const dispatcher = createDispatcher({ Timeout: 10, ...options }, logger, { ...(extra.env ? { env: extra.env } : {}), ...(extra.extraCa ? { extraCa: extra.extraCa } : {}) });
  const client = new GraphClient({ BaseURL: target.url, Version: 'v21.0', Timeout: 10, MaxRetries: 0 }, { dispatcher, tokenProvider: staticTokenProvider(TOKEN), ...(logger ? { logger } : {}) });
  try {
    const rows: Array<{ id: string; from: string }> = [];
    for await (const page of client.paginate<{ id: string; from: string }>('/17841400000000001/media', { fields: 'id' })) rows.push(...page.data);
    return { rows, route: dispatcher.network.describeRoute(target.url) };
  } finally {
    await dispatcher.close();
  }
}

function assertPassedThrough(proxy: RealProxy, rows: Array<{ from: string }>, targetPort: number, before: number): void {
  assert.equal(rows.length, 1);
  if (proxy.outgoingAddress) assert.equal(rows[0]!.from, proxy.outgoingAddress, `the target saw the ${proxy.implementation}'s outgoing address`);
  const evidence = proxy.evidence().slice(before);
  assert.ok(evidence.length > 0, `${proxy.implementation} recorded the traffic`);
  if (!proxy.implementation.startsWith('microsocks')) assert.ok(evidence.some((l) => l.includes(String(targetPort))), evidence.join('\n'));
}

const httpProxyKinds = [{ name: 'Debian tinyproxy', preferNpm: false, present: findBinary('tinyproxy') !== undefined }, { name: 'npm proxy', preferNpm: true, present: true }];

for (const kind of httpProxyKinds) {
  describe(`HTTP proxy with Basic auth (${kind.name})`, { skip: kind.present ? false : 'tinyproxy is not installed (apt-get install tinyproxy); the npm proxy below still runs' }, () => {
    let proxy: RealProxy;
    before(async () => (proxy = await startHttpProxy('alice', PROXY_PASSWORD, { preferNpm: kind.preferNpm })));
    after(() => proxy.stop());
    const opts = (): NetworkOptions => ({ ProxyServer: '127.0.0.1', ProxyPort: proxy.port, ProxyUser: 'alice', ProxyPassword: PROXY_PASSWORD });

    test('https target: CONNECT tunnel, TLS end to end with a pin', async () => {
      const n = proxy.evidence().length;
      const { rows, route } = await query({ ...opts(), SSLServerCert: cert.fingerprint256 }, https);
      assert.match(route, /^tunnel through HTTP proxy/);
      assertPassedThrough(proxy, rows, https.port, n);
    });

    test('http target: absolute-URI forwarding', async () => {
      const n = proxy.evidence().length;
      const { rows, route } = await query(opts(), http);
      assert.match(route, /^forward to HTTP proxy/);
      assertPassedThrough(proxy, rows, http.port, n);
    });

    test('ProxySSLType=TUNNEL tunnels an http target too', async () => {
      const n = proxy.evidence().length;
      const { rows, route } = await query({ ...opts(), ProxySSLType: 'TUNNEL' }, http);
      assert.match(route, /^tunnel/);
      assertPassedThrough(proxy, rows, http.port, n);
    });

    test('wrong credentials: a proxy error naming the proxy and the user, never the password', async () => {
      for (const target of [https, http]) {
        const err = await query({ ...opts(), ProxyPassword: 'wrong-password-x', SSLServerCert: '*' }, target).catch((e: unknown) => e);
        assert.equal((err as any).code, 'proxy', (err as Error).message);
        assert.match((err as Error).message, new RegExp(`127\\.0\\.0\\.1:${proxy.port}`));
        assert.match((err as Error).message, /ProxyUser|credentials/);
        assert.ok(!(err as Error).message.includes('wrong-password-x'));
      }
      const none = await query({ ProxyServer: '127.0.0.1', ProxyPort: proxy.port, SSLServerCert: '*' }, https).catch((e: unknown) => e);
      assert.equal((none as any).code, 'proxy');
      assert.match((none as Error).message, /requires authentication/);
    });

    test('ProxyExceptions send excepted hosts direct', async () => {
      const n = proxy.evidence().length;
      const { rows, route } = await query({ ...opts(), ProxyExceptions: 'example.com;127.0.0.*' }, http);
      assert.equal(route, 'direct');
      assert.equal(rows[0]!.from, '127.0.0.1');
      assert.equal(proxy.evidence().length, n, 'the proxy saw nothing');
    });

    test('ProxyAutoDetect takes the proxy and credentials from HTTPS_PROXY, and honours NO_PROXY', async () => {
      const env = { HTTPS_PROXY: `http://alice:${encodeURIComponent(PROXY_PASSWORD)}@127.0.0.1:${proxy.port}`, NO_PROXY: 'nothing.example' };
      const n = proxy.evidence().length;
      const { rows, route } = await query({ ProxyAutoDetect: true, SSLServerCert: cert.fingerprint256 }, https, { env });
      assert.match(route, /from the environment/);
      assertPassedThrough(proxy, rows, https.port, n);
      const bypass = await query({ ProxyAutoDetect: true, SSLServerCert: cert.fingerprint256 }, https, { env: { ...env, no_proxy: '127.0.0.1' } });
      assert.equal(bypass.route, 'direct');
    });

    test('FirewallType=TUNNEL uses the proxy as an HTTP CONNECT firewall (FirewallUser/FirewallPassword)', async () => {
      const n = proxy.evidence().length;
      const fw = { FirewallType: 'TUNNEL', FirewallServer: '127.0.0.1', FirewallPort: proxy.port, FirewallUser: 'alice', FirewallPassword: PROXY_PASSWORD };
      const { rows, route } = await query({ ...fw, SSLServerCert: cert.sha1 }, https);
      assert.match(route, /via TUNNEL firewall/);
      assertPassedThrough(proxy, rows, https.port, n);
      const err = await query({ ...fw, FirewallPassword: 'nope-nope' }, http).catch((e: unknown) => e);
      assert.equal((err as any).code, 'proxy');
      assert.match((err as Error).message, /FirewallUser "alice"/);
    });

    test('ProxySSLType=ALWAYS: TLS to the proxy itself (a TLS front on the real proxy)', async () => {
      const front = await tlsFront(cert, proxy.port);
      try {
        const n = proxy.evidence().length;
        const { rows, route } = await query({ ...opts(), ProxyPort: front.port, ProxyServer: 'localhost', ProxySSLType: 'ALWAYS', SSLServerCert: cert.fingerprint256 }, https, { extraCa: [cert.cert] });
        assert.match(route, /^tunnel through HTTP proxy localhost/);
        assertPassedThrough(proxy, rows, https.port, n);
        assert.ok(front.connections() > 0);
      } finally {
        await front.close();
      }
    });

    test('Verbosity 5 through the proxy: the log has transport details and no secret', async () => {
      const sink = new MemorySink();
      await query({ ...opts(), SSLServerCert: cert.fingerprint256 }, https, { sink });
      await query(opts(), http, { sink });
      const text = sink.text;
      assert.match(text, /connection opened/);
      assert.match(text, /CONNECT request/);
      for (const secret of [TOKEN, PROXY_PASSWORD, Buffer.from(`alice:${PROXY_PASSWORD}`).toString('base64')]) assert.ok(!text.includes(secret), secret);
    });
  });
}

const socksKinds = [{ name: 'Debian microsocks', preferNpm: false, present: findBinary('microsocks') !== undefined }, { name: 'npm @pondwader/socks5-server', preferNpm: true, present: true }];

for (const kind of socksKinds) {
  describe(`SOCKS5 firewall with user/password (${kind.name})`, { skip: kind.present ? false : 'microsocks is not installed (apt-get install microsocks); the npm SOCKS5 server below still runs' }, () => {
    let socks: RealProxy;
    before(async () => (socks = await startSocks5('bob', SOCKS_PASSWORD, { preferNpm: kind.preferNpm })));
    after(() => socks.stop());
    const fw = (): NetworkOptions => ({ FirewallType: 'SOCKS5', FirewallServer: '127.0.0.1', FirewallPort: socks.port, FirewallUser: 'bob', FirewallPassword: SOCKS_PASSWORD });

    test('https and http targets go through the SOCKS5 server', async () => {
      for (const target of [https, http]) {
        const n = socks.evidence().length;
        const { rows, route } = await query({ ...fw(), SSLServerCert: cert.fingerprint256 }, target);
        assert.match(route, /^direct via SOCKS5 firewall/);
        if (socks.outgoingAddress) assert.equal(rows[0]!.from, socks.outgoingAddress);
        else assertPassedThrough(socks, rows, target.port, n);
      }
    });

    test('wrong password: a proxy error naming the firewall and FirewallUser, never the password', async () => {
      const err = await query({ ...fw(), FirewallPassword: 'bad-socks-pw' }, http).catch((e: unknown) => e);
      assert.equal((err as any).code, 'proxy', (err as Error).message);
      assert.match((err as Error).message, new RegExp(`SOCKS5 firewall 127\\.0\\.0\\.1:${socks.port}`));
      assert.match((err as Error).message, /FirewallUser "bob"/);
      assert.ok(!(err as Error).message.includes('bad-socks-pw'));
    });

    test('chain: the SOCKS5 firewall carries the connection to the HTTP proxy, which tunnels to the server', async () => {
      const proxy = await startHttpProxy('alice', PROXY_PASSWORD, { preferNpm: kind.preferNpm });
      try {
        const n = proxy.evidence().length;
        const sink = new MemorySink();
        const { rows, route } = await query({ ...fw(), ProxyServer: '127.0.0.1', ProxyPort: proxy.port, ProxyUser: 'alice', ProxyPassword: PROXY_PASSWORD, SSLServerCert: cert.fingerprint256 }, https, { sink });
        assert.match(route, /^tunnel through HTTP proxy .* via SOCKS5 firewall/);
        assertPassedThrough(proxy, rows, https.port, n);
        for (const secret of [TOKEN, PROXY_PASSWORD, SOCKS_PASSWORD]) assert.ok(!sink.text.includes(secret), secret);
      } finally {
        await proxy.stop();
      }
    });
  });
}

describe('SOCKS4 firewall (Debian dante)', { skip: findBinary('danted') ? false : 'dante-server is not installed (apt-get install dante-server)' }, () => {
  test('requests go through dante over SOCKS4', async () => {
    const dante = (await startDanteSocks4())!;
    try {
      const n = dante.evidence().length;
      const { rows, route } = await query({ FirewallType: 'SOCKS4', FirewallServer: '127.0.0.1', FirewallPort: dante.port, FirewallUser: 'igsql', SSLServerCert: cert.fingerprint256 }, https);
      assert.match(route, /SOCKS4 firewall/);
      await new Promise((r) => setTimeout(r, 200)); // dante writes its log asynchronously
      assertPassedThrough(dante, rows, https.port, n);
    } finally {
      await dante.stop();
    }
  });
});

/** A TLS front (like stunnel) that forwards decrypted bytes to the real proxy: for ProxySSLType=ALWAYS. */
async function tlsFront(c: TestCert, proxyPort: number): Promise<{ port: number; connections(): number; close(): Promise<void> }> {
  let count = 0;
  const server = createTlsServer({ key: c.key, cert: c.cert }, (socket) => {
    count++;
    const upstream = netConnect(proxyPort, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, connections: () => count, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
