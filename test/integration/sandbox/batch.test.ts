/** Batch requests over HTTP, held against graph-api.md §5. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';

let sb: Sandbox;
let ig: string;
let mediaIds: string[];

before(async () => {
  sb = await startSandbox({ seed: 5 });
  const account = sb.core.data.world.igAccounts[0]!;
  ig = account.id;
  mediaIds = sb.core.data.mediaList(account).slice(0, 3).map((m) => m.id);
  sb.core.router.post('/{ig-media-id}/echo_test', (ctx) => ({ got: ctx.params['message'], id: ctx.node!.id }));
});
after(() => sb.stop());

interface Answer {
  code: number;
  headers?: { name: string; value: string }[];
  body: string;
}

async function batch(operations: unknown, options: { path?: string; token?: string | null; as?: 'form' | 'json' | 'query'; extra?: Record<string, string> } = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const token = options.token === undefined ? sb.tokens.longLivedUser : options.token;
  const params: Record<string, string> = { batch: JSON.stringify(operations), ...options.extra };
  if (token !== null) params['access_token'] = token;
  const path = options.path ?? '/v25.0/';
  let response: Response;
  if (options.as === 'json') {
    response = await fetch(`${sb.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...params, batch: operations }) });
  } else if (options.as === 'query') {
    response = await fetch(`${sb.url}${path}?${new URLSearchParams(params)}`, { method: 'POST' });
  } else {
    response = await fetch(`${sb.url}${path}`, { method: 'POST', body: new URLSearchParams(params) });
  }
  return { status: response.status, body: await response.json(), headers: response.headers };
}

function assertAnswerShape(answer: Answer, withHeaders = true): void {
  assert.equal(typeof answer.code, 'number');
  assert.equal(typeof answer.body, 'string', 'body is a JSON-encoded string, not an object');
  JSON.parse(answer.body);
  if (withHeaders) {
    assert.ok(Array.isArray(answer.headers));
    for (const h of answer.headers!) assert.deepEqual(Object.keys(h), ['name', 'value']);
    assert.equal(answer.headers!.find((h) => h.name === 'Content-Type')?.value, 'text/javascript; charset=UTF-8');
  } else {
    assert.deepEqual(Object.keys(answer).sort(), ['body', 'code']);
  }
}

test('a form-field batch answers a JSON array in request order of {code, headers, body-as-string}, HTTP 200', async () => {
  const r = await batch([
    { method: 'GET', relative_url: `${ig}?fields=username` },
    { method: 'GET', relative_url: `${mediaIds[0]}?fields=id,media_type` },
  ]);
  assert.equal(r.status, 200);
  assert.ok(Array.isArray(r.body));
  assert.equal(r.body.length, 2);
  for (const answer of r.body) assertAnswerShape(answer);
  assert.deepEqual(JSON.parse(r.body[0].body), { username: 'lanterncoffee', id: ig });
  assert.equal(JSON.parse(r.body[1].body).id, mediaIds[0]);
  assert.ok(r.body[0].headers.some((h: { name: string }) => h.name === 'ETag'));
  assert.ok(!r.body[0].headers.some((h: { name: string }) => /^x-fb-(debug|trace-id|rev)$/i.test(h.name)));
});

test("a JSON body {\"batch\":[…]} (Meta's Node SDK), the query string, and any path work alike", async () => {
  const ops = [{ method: 'GET', relative_url: 'me?fields=name' }];
  for (const [as, path] of [['json', '/v24.0'], ['query', '/'], ['form', '/me'], ['form', '/v25.0/' + ig]] as const) {
    const r = await batch(ops, { as, path });
    assert.equal(r.status, 200, `${as} ${path}`);
    assert.deepEqual(JSON.parse(r.body[0].body), { name: 'Sam Sandbox', id: sb.core.data.world.users[0]!.id }, `${as} ${path}`);
  }
  const v24 = await batch(ops, { as: 'json', path: '/v24.0' });
  assert.equal(v24.body[0].headers.find((h: { name: string }) => h.name === 'facebook-api-version').value, 'v24.0', 'operations inherit the batch version');
});

test('relative_url with or without a version or leading slash, or starting with ?ids=', async () => {
  const r = await batch([
    { method: 'GET', relative_url: `v23.0/${ig}?fields=id` },
    { method: 'GET', relative_url: `/${ig}?fields=id` },
    { method: 'GET', relative_url: `?ids=${mediaIds.join(',')}&fields=id` },
    { method: 'GET', relative_url: `/v22.0/?ids=${ig}&fields=username` },
  ]);
  assert.deepEqual(r.body.map((a: Answer) => a.code), [200, 200, 200, 200]);
  assert.equal(r.body[0].headers.find((h: { name: string }) => h.name === 'facebook-api-version').value, 'v23.0');
  assert.deepEqual(Object.keys(JSON.parse(r.body[2].body)).sort(), [...mediaIds].sort());
  assert.equal(JSON.parse(r.body[3].body)[ig].username, 'lanterncoffee');
});

test('per-operation errors leave the others alone; a 190 operation carries WWW-Authenticate', async () => {
  const r = await batch([
    { method: 'GET', relative_url: `${ig}?fields=nope` },
    { method: 'GET', relative_url: 'me', access_token: 'EAAbogus' },
    { method: 'GET', relative_url: `${ig}?fields=username` },
    { method: 'GET' },
    { method: 'GET', relative_url: '17841400000000000' },
  ]);
  assert.deepEqual(r.body.map((a: Answer) => a.code), [400, 400, 200, 400, 400]);
  for (const answer of r.body) assertAnswerShape(answer);
  assert.equal(JSON.parse(r.body[0].body).error.message, '(#100) Tried accessing nonexisting field (nope) on node type (ShadowIGUser)');
  const auth = JSON.parse(r.body[1].body).error;
  assert.equal(auth.code, 190);
  assert.equal(auth.type, 'OAuthException');
  assert.match(r.body[1].headers.find((h: { name: string }) => h.name === 'WWW-Authenticate').value, /^OAuth "Facebook Platform" "invalid_token"/);
  assert.equal(JSON.parse(r.body[3].body).error.message, '(#100) The parameter relative_url is required');
  assert.equal(JSON.parse(r.body[4].body).error.error_subcode, 33);
});

test('the top-level token is required and is the fallback; per-operation tokens override it', async () => {
  const missing = await batch([{ method: 'GET', relative_url: 'me' }], { token: null });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.error.code, 104);
  const expired = await batch([{ method: 'GET', relative_url: 'me', access_token: sb.tokens.longLivedUser }], { token: 'EAAnot_a_token' });
  assert.equal(expired.body.error.code, 190, 'an unusable top-level token fails the whole batch');
  const r = await batch([
    { method: 'GET', relative_url: 'me?fields=name' },
    { method: 'GET', relative_url: 'me?fields=name', access_token: sb.tokens.page },
  ]);
  assert.equal(JSON.parse(r.body[0].body).name, 'Sam Sandbox');
  assert.equal(JSON.parse(r.body[1].body).name, 'Lantern Coffee Roasters', 'the Page token made the second call');
});

test('POST operations send their form-encoded body', async () => {
  const r = await batch([{ method: 'POST', relative_url: `${mediaIds[0]}/echo_test`, body: 'message=hello%20there&x=1' }]);
  assert.equal(r.body[0].code, 200);
  assert.deepEqual(JSON.parse(r.body[0].body), { got: 'hello there', id: mediaIds[0] });
});

test('include_headers=false drops the headers arrays', async () => {
  const r = await batch([{ method: 'GET', relative_url: 'me' }, { method: 'GET', relative_url: `${ig}?fields=bad` }], { extra: { include_headers: 'false' } });
  for (const answer of r.body) assertAnswerShape(answer, false);
});

test('more than 50 operations fail the whole request with the real error; 50 run', async () => {
  const op = { method: 'GET', relative_url: 'me?fields=id' };
  const tooMany = await batch(Array.from({ length: 51 }, () => op));
  assert.equal(tooMany.status, 400);
  assert.equal(tooMany.body.error.message, 'Too many requests in batch message. Maximum batch size is 50');
  assert.equal(tooMany.body.error.type, 'GraphBatchException');
  const fifty = await batch(Array.from({ length: 50 }, () => op));
  assert.equal(fifty.body.length, 50);
  const notArray = await batch({ method: 'GET' });
  assert.equal(notArray.body.error.type, 'GraphBatchException');
});

test('a batch lets other requests in between its operations: it does not hold the sandbox for all 50', async () => {
  const op = { method: 'GET', relative_url: 'me?fields=id' };
  const body = new URLSearchParams({ batch: JSON.stringify(Array.from({ length: 50 }, () => op)), access_token: sb.tokens.longLivedUser }).toString();
  let settled = false;
  const running = sb.core.dispatch({ method: 'POST', url: '/v25.0/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, source: 'http' })
    .then((response) => {
      settled = true;
      return response;
    });
  // an operation's work is all promise callbacks: without a turn of the event loop between
  // operations, the whole batch would run before this (or a socket's next request) got a chance
  const sawRunning = await new Promise<boolean>((resolve) => setImmediate(() => resolve(!settled)));
  assert.equal(sawRunning, true);
  const response = await running;
  assert.equal(response.status, 200);
  assert.equal((JSON.parse(response.body.toString()) as unknown[]).length, 50);
});

test('JSONPath dependencies: {result=name:$.data.*.id}; the referenced answer is omitted unless asked for', async () => {
  const r = await batch([
    { method: 'GET', relative_url: `${ig}/media?limit=2&fields=id`, name: 'recent' },
    { method: 'GET', relative_url: '?ids={result=recent:$.data.*.id}&fields=id,media_type' },
    { method: 'GET', relative_url: `${ig}?fields=id`, name: 'self', omit_response_on_success: false },
    { method: 'GET', relative_url: '{result=self:$.id}?fields=username' },
    { method: 'GET', relative_url: '?ids={result=recent:$..id}' },
  ]);
  assert.equal(r.body[0], null, 'omitted: another operation depends on it');
  const multi = JSON.parse(r.body[1].body);
  assert.deepEqual(Object.keys(multi), mediaIds.slice(0, 2));
  assert.equal(r.body[2].code, 200, 'omit_response_on_success: false keeps it');
  assert.equal(JSON.parse(r.body[3].body).username, 'lanterncoffee');
  assert.match(JSON.parse(r.body[4].body).error.message, /unsupported JSONPath \$\.\.id/);
  const unresolved = await batch([{ method: 'GET', relative_url: '?ids={result=later:$.id}' }, { method: 'GET', relative_url: 'me', name: 'later' }]);
  assert.equal(unresolved.status, 400);
  assert.match(unresolved.body.error.message, /^Request 0 cannot depend on an unresolved request with name later/);
  const failedParent = await batch([{ method: 'GET', relative_url: `${ig}?fields=bad`, name: 'p' }, { method: 'GET', relative_url: '{result=p:$.id}' }]);
  assert.equal(failedParent.body[0].code, 400);
  assert.match(JSON.parse(failedParent.body[1].body).error.message, /depends on request p, which did not succeed/);
});

test('each operation is its own request in the log (source batch) and the envelope is POST /?batch', async () => {
  sb.resetCounts();
  await batch([{ method: 'GET', relative_url: `${ig}?fields=id` }, { method: 'GET', relative_url: `?ids=${mediaIds.join(',')}` }]);
  assert.deepEqual(sb.counts(), { 'GET /?ids': 1, 'GET /{ig-user-id}': 1, 'POST /?batch': 1 });
  assert.deepEqual(sb.requests.map((e) => e.source), ['batch', 'batch', 'http']);
});

test('a GET with batch= is not a batch (Meta needs POST)', async () => {
  const response = await fetch(`${sb.url}/v25.0/me?batch=[]&access_token=${sb.tokens.longLivedUser}`);
  const body = (await response.json()) as { name: string };
  assert.equal(response.status, 200);
  assert.equal(body.name, 'Sam Sandbox');
});
