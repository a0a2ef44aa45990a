/** appsecret_proof: required or not, both proof forms, the 300-second window, per-app settings, dispatched items. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createManualClock, startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { call } from './helpers.js';
import { authorize, exchangeCode } from './oauth-helpers.js';

const clock = createManualClock('2026-05-19T23:27:28Z');
const NOW_S = Date.parse('2026-05-19T23:27:28Z') / 1000;
let sb: Sandbox;
let other: { id: string; secret: string };

before(async () => {
  sb = await startSandbox({
    seed: 11, clock,
    oauth: { requireAppSecretProof: true, apps: [{ name: 'Relaxed App', id: '555000333444', secret: 'relaxedsecret123', requireAppSecretProof: false }] },
  });
  other = { id: '555000333444', secret: 'relaxedsecret123' };
});
after(() => sb.stop());

const hmac = (data: string, key: string): string => createHmac('sha256', key).update(data).digest('hex');
const me = (token: string, extra = '') => call(sb, `/v25.0/me?fields=id${extra}`, { token });

function assertProofError(reply: { status: number; body: any }, message: string): void {
  assert.equal(reply.status, 400);
  assert.deepEqual([reply.body.error.code, reply.body.error.type, reply.body.error.message], [100, 'GraphMethodException', message]);
}

test('required and missing → "API calls from the server require an appsecret_proof argument"', async () => {
  assertProofError(await me(sb.tokens.longLivedUser), 'API calls from the server require an appsecret_proof argument');
  assertProofError(await call(sb, '/v25.0/me', { token: null, headers: { authorization: `Bearer ${sb.tokens.page}` } }), 'API calls from the server require an appsecret_proof argument');
});

test('the classic proof HMAC-SHA256(token, secret) passes; a wrong one fails', async () => {
  const token = sb.tokens.longLivedUser;
  assert.equal((await me(token, `&appsecret_proof=${hmac(token, sb.app.secret)}`)).status, 200);
  assert.equal((await me(token, `&appsecret_proof=${hmac(token, sb.app.secret).toUpperCase()}`)).status, 200, 'hex case does not matter');
  assertProofError(await me(token, `&appsecret_proof=${hmac(token, 'wrong')}`), 'Invalid appsecret_proof provided in the API argument');
  assertProofError(await me(token, `&appsecret_proof=${hmac(sb.tokens.page, sb.app.secret)}`), 'Invalid appsecret_proof provided in the API argument');
});

test('the time-stamped proof HMAC(token|time) with appsecret_time is valid for 300 seconds of the clock', async () => {
  const token = sb.tokens.systemUser;
  const proof = (time: number) => `&appsecret_proof=${hmac(`${token}|${time}`, sb.app.secret)}&appsecret_time=${time}`;
  assert.equal((await me(token, proof(NOW_S))).status, 200);
  assert.equal((await me(token, proof(NOW_S - 300))).status, 200);
  assertProofError(await me(token, proof(NOW_S - 301)), 'Invalid appsecret_proof provided in the API argument');
  clock.advance(301_000);
  assertProofError(await me(token, proof(NOW_S)), 'Invalid appsecret_proof provided in the API argument');
  clock.advance(-301_000);
  assertProofError(await me(token, `&appsecret_proof=${hmac(token, sb.app.secret)}&appsecret_time=${NOW_S}`), 'Invalid appsecret_proof provided in the API argument');
  assertProofError(await me(token, `&appsecret_proof=${hmac(`${token}|x`, sb.app.secret)}&appsecret_time=x`), 'Invalid appsecret_proof provided in the API argument');
});

test('proofs in a form or JSON body count; app tokens and the OAuth endpoints are exempt', async () => {
  const token = sb.tokens.page;
  const form = await call(sb, '/v25.0/me?method=get', { token: null, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `access_token=${token}&appsecret_proof=${hmac(token, sb.app.secret)}` });
  assert.equal(form.status, 200);
  const json = await call(sb, '/v25.0/me?method=get', { token: null, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ access_token: token, appsecret_proof: hmac(token, sb.app.secret) }) });
  assert.equal(json.status, 200);
  assert.equal((await call(sb, `/v25.0/debug_token?input_token=${token}`, { token: sb.tokens.app })).status, 200, 'app token needs no proof');
  const code = await authorize(sb);
  assert.equal((await exchangeCode(sb, code)).status, 200, 'the token endpoint needs no proof');
});

test('per app: a token of an app that does not require it passes without a proof but not with a wrong one', async () => {
  const code = await authorize(sb, {}, { client_id: other.id });
  const token = (await exchangeCode(sb, code, { client_id: other.id, client_secret: other.secret })).body.access_token;
  assert.equal((await me(token)).status, 200);
  assert.equal((await me(token, `&appsecret_proof=${hmac(token, other.secret)}`)).status, 200);
  assertProofError(await me(token, `&appsecret_proof=${hmac(token, sb.app.secret)}`), 'Invalid appsecret_proof provided in the API argument');
  const oauth = sb.core.state.get('oauth') as { apps: Map<string, { requireAppSecretProof: boolean }> };
  oauth.apps.get(other.id)!.requireAppSecretProof = true;
  assertProofError(await me(token), 'API calls from the server require an appsecret_proof argument');
  oauth.apps.get(other.id)!.requireAppSecretProof = false;
});

test('the check runs for every dispatched request (batch items go through app.dispatch)', async () => {
  const token = sb.tokens.longLivedUser;
  const item = await sb.core.dispatch({ method: 'GET', url: `/v25.0/me?access_token=${token}`, headers: {}, source: 'batch' });
  assert.equal((item.json as any).error.message, 'API calls from the server require an appsecret_proof argument');
  const good = await sb.core.dispatch({ method: 'GET', url: `/v25.0/me?access_token=${token}&appsecret_proof=${hmac(token, sb.app.secret)}`, headers: {}, source: 'batch' });
  assert.equal(good.status, 200);
  assert.ok(!JSON.stringify(sb.requests).includes(hmac(token, sb.app.secret)), 'proofs are not logged');
});

test('a batch request\'s proof covers its operations that run with the batch token, not ones with their own token', async () => {
  const token = sb.tokens.longLivedUser;
  const proof = hmac(token, sb.app.secret);
  const run = (ops: object[], params: Record<string, string> = {}) => call(sb, '/v25.0/', {
    method: 'POST', token: null, headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ access_token: token, batch: JSON.stringify(ops), include_headers: 'false', ...params }).toString(),
  });
  const item = (answer: { body: unknown }, i = 0) => {
    const entry = (answer.body as { code: number; body: string }[])[i]!;
    return { code: entry.code, body: JSON.parse(entry.body) };
  };
  const covered = await run([{ method: 'GET', relative_url: 'me?fields=id' }], { appsecret_proof: proof });
  assert.equal(item(covered).code, 200, JSON.stringify(covered.body));
  assertProofError(await run([{ method: 'GET', relative_url: 'me?fields=id' }]), 'API calls from the server require an appsecret_proof argument');
  const ownToken = await run([{ method: 'GET', relative_url: `me?fields=id&access_token=${sb.tokens.page}` }], { appsecret_proof: proof });
  assert.equal(item(ownToken).body.error.message, 'API calls from the server require an appsecret_proof argument');
  const after = await sb.core.dispatch({ method: 'GET', url: '/v25.0/me', headers: { authorization: `OAuth ${token}` } });
  assert.equal(after.status, 400, 'the cover ends with the batch');
});
