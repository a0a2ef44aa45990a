/** Each fault kind, observed from a real HTTP client (undici). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request } from 'undici';
import { startSandbox, type FaultOptions, type Sandbox } from '../../../src/sandbox/index.js';

async function sandbox(faults: FaultOptions, seed = 9): Promise<{ sb: Sandbox; ig: string; agent: Agent }> {
  const sb = await startSandbox({ seed, faults });
  return { sb, ig: sb.core.data.world.igAccounts[0]!.id, agent: new Agent() };
}

async function get(sb: Sandbox, agent: Agent, path: string, options: { token?: string; bodyTimeout?: number } = {}) {
  const sep = path.includes('?') ? '&' : '?';
  const response = await request(`${sb.url}${path}${sep}access_token=${options.token ?? sb.tokens.longLivedUser}`, {
    dispatcher: agent, ...(options.bodyTimeout === undefined ? {} : { bodyTimeout: options.bodyTimeout }),
  });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, text, json: text.startsWith('{') ? JSON.parse(text) : undefined };
}

test('server-error: HTTP 500 with code 1 or code 2 envelopes; transient: code 2 with is_transient true', async (t) => {
  const { sb, agent } = await sandbox({ script: [
    { match: { path: '/me', nth: 1 }, fault: 'server-error' },
    { match: { path: '/me', nth: 2 }, fault: { kind: 'server-error', code: 2 } },
    { match: { path: '/me', nth: 3 }, fault: 'transient' },
  ] });
  t.after(() => Promise.all([sb.stop(), agent.close()]));
  const one = await get(sb, agent, '/v25.0/me');
  assert.equal(one.status, 500);
  assert.deepEqual({ ...one.json.error, fbtrace_id: 'x' }, { message: 'An unknown error has occurred.', type: 'OAuthException', code: 1, is_transient: false, fbtrace_id: 'x' });
  const two = await get(sb, agent, '/v25.0/me');
  assert.equal(two.status, 500);
  assert.equal(two.json.error.code, 2);
  assert.equal(two.json.error.message, 'An unexpected error has occurred. Please retry your request later.');
  const transient = await get(sb, agent, '/v25.0/me');
  assert.equal(transient.status, 500);
  assert.equal(transient.json.error.code, 2);
  assert.equal(transient.json.error.is_transient, true);
  assert.equal((await get(sb, agent, '/v25.0/me')).status, 200, 'the fourth call is clean');
  assert.deepEqual(sb.faults.counts().byKind['server-error'], 2);
  assert.deepEqual(sb.faults.counts().total, 3);
});

test('unavailable: HTTP 503 with a plain-text body and no Graph envelope', async (t) => {
  const { sb, agent } = await sandbox({ script: [{ match: { path: '/me' }, fault: 'unavailable', times: 1 }] });
  t.after(() => Promise.all([sb.stop(), agent.close()]));
  const r = await get(sb, agent, '/v25.0/me');
  assert.equal(r.status, 503);
  assert.match(String(r.headers['content-type']), /^text\/plain/);
  assert.equal(r.text, 'Service Unavailable');
  assert.equal(r.headers['x-fb-trace-id'], undefined);
});

test('reset: the status and headers arrive, then the connection dies in the middle of the body', async (t) => {
  const { sb, agent, ig } = await sandbox({ script: [{ match: { path: '/{ig-user-id}/media' }, fault: { kind: 'reset', afterBytes: 100 }, times: 1 }] });
  t.after(() => Promise.all([sb.stop(), agent.close()]));
  const response = await request(`${sb.url}/v25.0/${ig}/media?fields=id,caption&access_token=${sb.tokens.longLivedUser}`, { dispatcher: agent });
  assert.equal(response.statusCode, 200);
  assert.ok(Number(response.headers['content-length']) > 100);
  let received = 0;
  await assert.rejects(async () => {
    for await (const chunk of response.body) received += (chunk as Buffer).length;
  }, (e: NodeJS.ErrnoException) => e.code === 'ECONNRESET' || e.code === 'UND_ERR_SOCKET');
  assert.equal(received, 100);
  assert.equal((await get(sb, agent, `/v25.0/${ig}/media?fields=id`)).status, 200, 'a new connection works');
  assert.equal(sb.faults.counts().byKind.reset, 1);
});

test('slow-body: headers arrive, then the body stalls (a short body timeout trips; a patient client gets it all)', async (t) => {
  const { sb, agent, ig } = await sandbox({ script: [
    { match: { path: '/{ig-user-id}/media', nth: 1 }, fault: { kind: 'slow-body', stallMs: 5000, afterBytes: 10 } },
    { match: { path: '/{ig-user-id}/media', nth: 2 }, fault: { kind: 'slow-body', stallMs: 200 } },
  ] });
  t.after(() => Promise.all([sb.stop(), agent.close()]));
  const stalled = await request(`${sb.url}/v25.0/${ig}/media?access_token=${sb.tokens.longLivedUser}`, { dispatcher: agent, bodyTimeout: 300 });
  assert.equal(stalled.statusCode, 200, 'headers came at once');
  await assert.rejects(stalled.body.text(), (e: NodeJS.ErrnoException) => e.code === 'UND_ERR_BODY_TIMEOUT');
  const late = await get(sb, agent, `/v25.0/${ig}/media?limit=100&fields=id,caption,media_url`);
  assert.equal(late.status, 200);
  assert.equal(late.json.data.length, 36);
});

test('token-expired mid-paging: page 2 answers 190/463 and the token stays expired until a new one is used', async (t) => {
  const { sb, agent, ig } = await sandbox({ script: [{ match: { path: '/{ig-user-id}/media', nth: 2 }, fault: 'token-expired' }] });
  t.after(() => Promise.all([sb.stop(), agent.close()]));
  const first = await get(sb, agent, `/v25.0/${ig}/media?limit=10`);
  assert.equal(first.status, 200);
  const next = await request(first.json.paging.next, { dispatcher: agent });
  const expired = await next.body.json() as any;
  assert.equal(next.statusCode, 400);
  assert.equal(expired.error.code, 190);
  assert.equal(expired.error.error_subcode, 463);
  assert.match(expired.error.message, /^Error validating access token: Session has expired on /);
  assert.match(String(next.headers['www-authenticate']), /invalid_token/);
  assert.equal((await get(sb, agent, '/v25.0/me')).json.error.error_subcode, 463, 'the registry expired it');
  assert.ok(sb.core.tokens.problem(sb.tokens.longLivedUser) !== undefined);
  const fresh = sb.core.tokens.issue({ type: 'USER', userId: sb.core.data.world.users[0]!.id, longLived: true }).token;
  const resumed = await get(sb, agent, `/v25.0/${ig}/media?limit=10&after=${first.json.paging.cursors.after}`, { token: fresh });
  assert.equal(resumed.status, 200, 'a refreshed token resumes paging');
  assert.equal(resumed.json.data.length, 10);
});

test('token-invalidated: 190/460 by default', async (t) => {
  const { sb, agent } = await sandbox({ script: [{ match: { path: '/me' }, fault: 'token-invalidated', times: 1 }] });
  t.after(() => Promise.all([sb.stop(), agent.close()]));
  const r = await get(sb, agent, '/v25.0/me', { token: sb.tokens.shortLivedUser });
  assert.equal(r.json.error.error_subcode, 460);
});

test('rate-limit faults: 4, 17, 32, 613 and 80002 with their messages; 80002 with the BUC header and a regain time', async (t) => {
  const codes = [4, 17, 32, 613, 80002] as const;
  const { sb, agent, ig } = await sandbox({ script: codes.map((code, i) => ({ match: { nth: i + 1 }, fault: { kind: 'rate-limit' as const, code, regainMinutes: 9 } })) });
  t.after(() => Promise.all([sb.stop(), agent.close()]));
  const messages: Record<number, string> = {
    4: '(#4) Application request limit reached', 17: '(#17) User request limit reached', 32: '(#32) Page request limit reached',
    613: '(#613) Calls to this api have exceeded the rate limit.',
    80002: '(#80002) There have been too many calls to this Instagram account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.',
  };
  for (const code of codes) {
    const r = await get(sb, agent, `/v25.0/${ig}?fields=id`);
    assert.equal(r.status, 400, String(code));
    assert.equal(r.json.error.code, code);
    assert.equal(r.json.error.message, messages[code]);
    assert.equal(r.json.error.is_transient, true);
    if (code === 80002) {
      const usage = JSON.parse(String(r.headers['x-business-use-case-usage']))[ig][0];
      assert.equal(usage.type, 'instagram');
      assert.ok(usage.call_count >= 100);
      assert.equal(usage.estimated_time_to_regain_access, 9);
    } else {
      assert.ok(JSON.parse(String(r.headers['x-app-usage'])).call_count >= 100);
    }
  }
  assert.equal(sb.faults.counts().byKind['rate-limit'], 5);
});

test('random faults: deterministic with a seed, counted, and the injected list says what and where', async (t) => {
  const run = async (seed: number) => {
    const { sb, agent } = await sandbox({ rate: 0.4, seed, kinds: ['server-error', 'transient', 'unavailable'] });
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await get(sb, agent, '/v25.0/me')).status);
    const counts = sb.faults.counts();
    const injected = sb.faults.injected.map((f) => `${f.kind} ${f.method} ${f.path}`);
    await Promise.all([sb.stop(), agent.close()]);
    return { statuses, counts, injected };
  };
  const a = await run(1);
  const b = await run(1);
  const c = await run(2);
  assert.deepEqual(a.statuses, b.statuses);
  assert.notDeepEqual(a.statuses, c.statuses);
  assert.equal(a.counts.total, a.statuses.filter((s) => s !== 200).length);
  assert.ok(a.counts.total > 0);
  assert.ok(a.injected.every((line) => / GET \/me$/.test(line)));
  t.diagnostic(`statuses seed 1: ${a.statuses.join(' ')}`);
});

test('in a batch: a reset operation answers null (did not complete); scripted errors hit only their operation', async (t) => {
  const { sb, agent, ig } = await sandbox({ script: [
    { match: { path: '/me', source: 'batch' }, fault: 'reset' },
    { match: { path: '/{ig-user-id}', source: 'batch' }, fault: 'transient' },
  ] });
  t.after(() => Promise.all([sb.stop(), agent.close()]));
  const batch = JSON.stringify([{ method: 'GET', relative_url: 'me' }, { method: 'GET', relative_url: ig }, { method: 'GET', relative_url: `${ig}/media?limit=1` }]);
  const response = await request(`${sb.url}/v25.0/`, { method: 'POST', dispatcher: agent, body: new URLSearchParams({ batch, access_token: sb.tokens.longLivedUser }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const answers = await response.body.json() as any[];
  assert.equal(response.statusCode, 200);
  assert.equal(answers[0], null);
  assert.equal(answers[1].code, 500);
  assert.equal(JSON.parse(answers[1].body).error.is_transient, true);
  assert.equal(answers[2].code, 200);
  assert.equal((await get(sb, agent, '/v25.0/me')).status, 200, 'source: batch rules leave plain requests alone');
});
