import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type AddressInfo, type Socket, createServer } from 'node:net';
import { request } from 'undici';
import { createDispatcher } from '../../../src/http/dispatcher.js';
import { createLogger } from '../../../src/logging/logger.js';
import { MemorySink } from '../../helpers/memory-sink.js';
import { sendJson, startStub } from '../../helpers/stub-server.js';

test('ProxySSLType=NEVER forwards even https URLs to the proxy as absolute URIs with Basic credentials', async () => {
  // the stub plays the proxy: it records what it is asked to fetch
  const proxy = await startStub((req, res) => sendJson(res, 200, { asked: req.url }));
  const sink = new MemorySink();
  const dispatcher = createDispatcher(
    { ProxyServer: '127.0.0.1', ProxyPort: proxy.port, ProxyUser: 'u', ProxyPassword: 'pw', ProxySSLType: 'NEVER', SSLServerCert: '*' },
    createLogger({ Verbosity: 1 }, sink),
  );
  try {
    const res = await request('https://graph.example.test/v21.0/me?fields=id', { dispatcher });
    assert.deepEqual(await res.body.json(), { asked: 'https://graph.example.test/v21.0/me?fields=id' });
    const seen = proxy.requests[0]!;
    assert.equal(seen.headers['proxy-authorization'], `Basic ${Buffer.from('u:pw').toString('base64')}`);
    assert.equal(seen.headers.host, 'graph.example.test');
    assert.match(sink.text, /ProxySSLType=NEVER/);
    assert.equal(dispatcher.network.describeRoute('https://graph.example.test/'), `forward to HTTP proxy 127.0.0.1:${proxy.port}`);
  } finally {
    await dispatcher.close();
    await proxy.close();
  }
});

test('a proxy that is not running gives a proxy error naming it', async () => {
  const proxy = await startStub(() => undefined);
  const port = proxy.port;
  await proxy.close();
  const dispatcher = createDispatcher({ ProxyServer: '127.0.0.1', ProxyPort: port });
  try {
    const err = await request('https://graph.example.test/', { dispatcher }).catch((e: unknown) => e);
    assert.equal((err as any).code, 'proxy');
    assert.match((err as Error).message, new RegExp(`HTTP proxy 127\\.0\\.0\\.1:${port}: ECONNREFUSED`));
  } finally {
    await dispatcher.close();
  }
});

test('a firewall that never answers the handshake fails with timeout within Timeout', async () => {
  // a TCP server that accepts and never says a word: a stalled TUNNEL firewall
  const held: Socket[] = [];
  const silent = createServer((s) => void held.push(s));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const dispatcher = createDispatcher({ FirewallType: 'TUNNEL', FirewallServer: '127.0.0.1', FirewallPort: (silent.address() as AddressInfo).port, Timeout: 0.3 });
  try {
    const started = Date.now();
    const err = await request('https://graph.example.test/', { dispatcher }).catch((e: unknown) => e);
    assert.equal((err as any).code, 'timeout', String(err));
    assert.ok(Date.now() - started < 5000);
  } finally {
    await dispatcher.close();
    for (const s of held) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
  }
});
