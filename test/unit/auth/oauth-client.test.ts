import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appSecretProof } from '../../../src/auth/app-secret-proof.js';
import { type OAuthHttp, createOAuthClient, fetchOAuthHttp } from '../../../src/auth/oauth-client.js';
import { GraphApiError, IgsqlError } from '../../../src/errors.js';

const SECRET = 'app-secret-xyz';

function recordingHttp(answer: (url: URL) => { status: number; json: unknown }): OAuthHttp & { urls: URL[] } {
  const urls: URL[] = [];
  const http = (async (url: URL) => {
    urls.push(url);
    return answer(url);
  }) as OAuthHttp & { urls: URL[] };
  http.urls = urls;
  return http;
}

const options = { baseUrl: 'http://127.0.0.1:1', version: 'v25.0', clientId: '1234', clientSecret: SECRET };

test('exchangeCode and exchangeForLongLived send the documented requests and parse the grants', async () => {
  const http = recordingHttp(() => ({ status: 200, json: { access_token: 'EAAnew', token_type: 'bearer', expires_in: 5183944 } }));
  const client = createOAuthClient({ ...options, http });
  assert.deepEqual(await client.exchangeCode('AQDcode', 'http://localhost:33333/'), { accessToken: 'EAAnew', tokenType: 'bearer', expiresIn: 5183944 });
  await client.exchangeForLongLived('EAAshort');
  assert.equal(http.urls[0]!.searchParams.get('code'), 'AQDcode');
  assert.equal(http.urls[0]!.searchParams.get('redirect_uri'), 'http://localhost:33333/');
  assert.equal(http.urls[1]!.searchParams.get('grant_type'), 'fb_exchange_token');
  assert.equal(http.urls[1]!.searchParams.get('fb_exchange_token'), 'EAAshort');
});

test('Graph errors become auth GraphApiErrors whose message names the path, not the secrets in the query', async () => {
  const http = recordingHttp(() => ({ status: 400, json: { error: { message: 'Error validating client secret.', type: 'OAuthException', code: 1, fbtrace_id: 'T' } } }));
  const client = createOAuthClient({ ...options, http });
  await assert.rejects(client.exchangeCode('AQDsecretcode', 'http://localhost:33333/'), (err: unknown) => {
    assert.ok(err instanceof GraphApiError);
    assert.equal(err.code, 'auth');
    assert.match(err.message, /\(GET \/v25\.0\/oauth\/access_token\): Error validating client secret\./);
    assert.ok(!err.message.includes(SECRET) && !err.message.includes('AQDsecretcode'));
    return true;
  });
});

test('pages follows the after cursor until next is absent, with appsecret_proof when asked', async () => {
  const http = recordingHttp((url) => {
    if (url.pathname.endsWith('/me')) return { status: 200, json: { id: '1020' } };
    const after = url.searchParams.get('after');
    if (after === null) return { status: 200, json: { data: [{ id: '1', access_token: 'p1' }], paging: { cursors: { after: 'c1' }, next: 'https://x/next' } } };
    return { status: 200, json: { data: [{ id: '2', access_token: 'p2' }], paging: { cursors: { after: 'c2' } } } };
  });
  const client = createOAuthClient({ ...options, http, appSecretProof: true });
  const me = await client.me('EAAuser');
  const pages = await client.pages('EAAuser', me.id);
  assert.deepEqual(pages.map((p) => p.id), ['1', '2']);
  assert.deepEqual(http.urls.map((u) => u.pathname), ['/v25.0/me', '/v25.0/1020/accounts', '/v25.0/1020/accounts']);
  assert.equal(http.urls[2]!.searchParams.get('after'), 'c1');
  for (const u of http.urls) assert.equal(u.searchParams.get('appsecret_proof'), appSecretProof('EAAuser', SECRET));
});

test('debugToken asks with the app token', async () => {
  const http = recordingHttp(() => ({ status: 200, json: { data: { app_id: 1234, type: 'USER', is_valid: true, expires_at: 0, scopes: ['instagram_basic'] } } }));
  const info = await createOAuthClient({ ...options, http }).debugToken('EAAx');
  assert.equal(http.urls[0]!.searchParams.get('access_token'), `1234|${SECRET}`);
  assert.equal(info.appId, '1234');
  assert.equal(info.expiresAt, null);
});

test('fetchOAuthHttp: status and JSON from a real server; non-JSON bodies; network errors without the query', async (t) => {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/json')) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"bad","code":100}}');
    } else {
      res.writeHead(502);
      res.end('<html>bad gateway</html>');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => server.close());
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const http = fetchOAuthHttp();
  assert.deepEqual(await http(new URL(`${base}/json?client_secret=${SECRET}`)), { status: 400, json: { error: { message: 'bad', code: 100 } } });
  assert.deepEqual(await http(new URL(`${base}/html`)), { status: 502, json: undefined });
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
  await assert.rejects(http(new URL(`http://127.0.0.1:${port}/oauth/access_token?client_secret=${SECRET}`)), (err: unknown) => {
    assert.ok(IgsqlError.is(err) && err.code === 'network');
    assert.equal(err.message, `GET http://127.0.0.1:${port}/oauth/access_token failed (ECONNREFUSED).`);
    assert.ok(!err.message.includes(SECRET));
    return true;
  });
});
