import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { startCallbackServer } from '../../../src/auth/callback-server.js';
import { localCallback, normalizeVerifier } from '../../../src/auth/callback-url.js';
import { IgsqlError } from '../../../src/errors.js';

/** GET through http or https (self-signed accepted), to 127.0.0.1 whatever the host says. */
function get(url: string): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  const request = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: u.port, path: u.pathname + u.search, rejectUnauthorized: false, servername: 'localhost' }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function isAuth(fragment: RegExp, reason?: string) {
  return (err: unknown) => IgsqlError.is(err) && err.code === 'auth' && fragment.test(err.message) && (reason === undefined || err.details['reason'] === reason);
}

test('the code comes back with the right state: the page says so and the result resolves', async () => {
  const server = await startCallbackServer({ callbackUrl: 'http://127.0.0.1:0/cb', state: 'st8' });
  assert.match(server.redirectUri, /^http:\/\/127\.0\.0\.1:\d+\/cb$/);
  const res = await get(`${server.redirectUri}?code=AQDcode&state=st8`);
  assert.equal(res.status, 200);
  assert.match(res.body, /data-igsql-outcome="ok"/);
  assert.match(res.body, /You can close this window/);
  assert.deepEqual(await server.result, { code: 'AQDcode', state: 'st8', redirectUri: server.redirectUri });
  // Closed after the answer.
  await assert.rejects(get(`${server.redirectUri}?code=again&state=st8`));
});

test('a trailing #_=_ is not part of the code', async () => {
  const server = await startCallbackServer({ callbackUrl: 'http://127.0.0.1:0/', state: 's' });
  await get(`${server.redirectUri}?code=${encodeURIComponent('AQD#_=_')}&state=s`);
  assert.equal((await server.result).code, 'AQD');
});

test('a state mismatch is an auth error and the page says so', async () => {
  const server = await startCallbackServer({ callbackUrl: 'http://127.0.0.1:0/', state: 'mine' });
  const result = assert.rejects(server.result, isAuth(/state that does not match/, 'state-mismatch'));
  const res = await get(`${server.redirectUri}?code=AQD&state=theirs`);
  assert.equal(res.status, 400);
  assert.match(res.body, /does not match/);
  await result;
});

test('a code without state is refused', async () => {
  const server = await startCallbackServer({ callbackUrl: 'http://127.0.0.1:0/', state: 'mine' });
  const result = assert.rejects(server.result, isAuth(/no state/, 'state-missing'));
  await get(`${server.redirectUri}?code=AQD`);
  await result;
});

test('the user denying access is a clear auth error', async () => {
  const server = await startCallbackServer({ callbackUrl: 'http://127.0.0.1:0/', state: 's' });
  const result = assert.rejects(server.result, isAuth(/^The user denied access in the consent page \(error=access_denied, error_reason=user_denied, "Permissions error\."\)/, 'denied'));
  const res = await get(`${server.redirectUri}?error_reason=user_denied&error=access_denied&error_description=Permissions+error.&state=s`);
  assert.match(res.body, /data-igsql-outcome="denied"/);
  await result;
});

test('other redirect errors are reported, HTML-escaped in the page', async () => {
  const server = await startCallbackServer({ callbackUrl: 'http://127.0.0.1:0/', state: 's' });
  const result = assert.rejects(server.result, isAuth(/consent page answered with an error \(error=server_error/, 'redirect-error'));
  const res = await get(`${server.redirectUri}?error=server_error&error_description=${encodeURIComponent('<script>x</script>')}`);
  assert.ok(!res.body.includes('<script>'));
  assert.match(res.body, /&#60;script&#62;/);
  await result;
});

test('stray requests (favicon, no code) get an answer and the server keeps waiting', async () => {
  const server = await startCallbackServer({ callbackUrl: 'http://127.0.0.1:0/cb', state: 's' });
  assert.equal((await get(`${new URL(server.redirectUri).origin}/favicon.ico`)).status, 404);
  assert.equal((await get(server.redirectUri)).status, 400);
  await get(`${server.redirectUri}?code=AQD&state=s`);
  assert.equal((await server.result).code, 'AQD');
});

test('no answer within the timeout: a clear auth error mentioning OAuthVerifier', async () => {
  const server = await startCallbackServer({ callbackUrl: 'http://127.0.0.1:0/', state: 's', timeoutMs: 50 });
  await assert.rejects(server.result, isAuth(/No answer reached .* within 0 s.*InitiateOAuth=REFRESH;OAuthVerifier/, 'timeout'));
});

test('abort and close settle the result as cancelled', async () => {
  const ctl = new AbortController();
  const server = await startCallbackServer({ callbackUrl: 'http://127.0.0.1:0/', state: 's', signal: ctl.signal });
  ctl.abort();
  await assert.rejects(server.result, (err: unknown) => IgsqlError.is(err) && err.code === 'cancelled');
  const other = await startCallbackServer({ callbackUrl: 'http://127.0.0.1:0/', state: 's' });
  const settled = assert.rejects(other.result, (err: unknown) => IgsqlError.is(err) && err.code === 'cancelled');
  await other.close();
  await settled;
});

test('a port in use is an auth error that names the port and the fix', async (t) => {
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
  t.after(() => blocker.close());
  const port = (blocker.address() as { port: number }).port;
  await assert.rejects(startCallbackServer({ callbackUrl: `http://127.0.0.1:${port}/`, state: 's' }), isAuth(new RegExp(`Port ${port} of CallbackURL is in use`)));
});

test('https://localhost callbacks (CData setups) are served with a local certificate, and plain http on the same port', async () => {
  const server = await startCallbackServer({ callbackUrl: 'https://localhost:0/', state: 's' });
  assert.match(server.redirectUri, /^https:\/\/localhost:\d+\/$/);
  const page = await get(`${new URL(server.redirectUri).origin}/other`);
  assert.equal(page.status, 404);
  const plain = await get(`http://localhost:${server.port}/other`);
  assert.equal(plain.status, 404);
  await get(`${server.redirectUri}?code=TLS&state=s`);
  assert.equal((await server.result).code, 'TLS');
});

test('CallbackURL must be on this machine', () => {
  assert.deepEqual(localCallback(''), { redirectUri: 'http://localhost:33333/', protocol: 'http', hosts: ['127.0.0.1', '::1'], port: 33333, path: '/' });
  assert.equal(localCallback('https://localhost:33333').port, 33333);
  assert.equal(localCallback('http://[::1]:8080/x').hosts[0], '::1');
  assert.throws(() => localCallback('https://oauth.cdata.com/oauth/'), (err: unknown) => IgsqlError.is(err) && err.code === 'config' && /not on this machine/.test(err.message) && /GetOAuthAccessToken/.test(err.message));
  assert.throws(() => localCallback('not a url'), /is not a URL/);
});

test('normalizeVerifier accepts the code, the code with #_=_, or the whole address', () => {
  assert.equal(normalizeVerifier(' AQDabc#_=_ '), 'AQDabc');
  assert.equal(normalizeVerifier('AQDabc#_'), 'AQDabc');
  assert.equal(normalizeVerifier('http://localhost:33333/?code=AQD%2Babc&state=xyz#_=_'), 'AQD+abc');
  assert.equal(normalizeVerifier('?code=AQD&state=1'), 'AQD');
  assert.equal(normalizeVerifier('code=AQD&state=1'), 'AQD');
  assert.equal(normalizeVerifier(''), '');
});
