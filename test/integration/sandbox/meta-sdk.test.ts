/**
 * Meta's own Node SDK (facebook-nodejs-business-sdk) against the sandbox, base URL overridden as
 * peers.md §3.2 shows: cursor paging through an IG user's media (absolute `next` URLs), media
 * insights, a FacebookAdsApiBatch of two requests (a JSON body), and its error type.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK ships no types */
const sdk: any = createRequire(import.meta.url)('facebook-nodejs-business-sdk');
const { FacebookAdsApi, FacebookAdsApiBatch, IGUser, IGMedia } = sdk;

let sb: Sandbox;
let ig: string;
let api: any;

before(async () => {
  sb = await startSandbox({ seed: 21, faults: { script: [{ match: { path: '/me/accounts', nth: 1 }, fault: { kind: 'rate-limit', code: 4 } }] } });
  ig = sb.core.data.world.igAccounts[0]!.id;
  Object.defineProperty(FacebookAdsApi, 'GRAPH', { get: () => sb.url, configurable: true });
  api = FacebookAdsApi.init(sb.tokens.longLivedUser, 'en_US', false);
});
after(() => sb.stop());

test('IGUser.getMedia pages through every media by following the next URLs', async () => {
  const fields = ['id', 'caption', 'media_type', 'media_product_type', 'timestamp', 'permalink'];
  const cursor = await new IGUser(ig).getMedia(fields, { limit: 10 });
  const ids: string[] = [];
  let pages = 0;
  for (;;) {
    pages++;
    for (const media of cursor) {
      assert.ok(media instanceof IGMedia);
      assert.match(media.id, /^\d+$/);
      assert.match(media._data.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
      assert.ok(['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM'].includes(media._data.media_type));
      ids.push(media.id);
    }
    if (!cursor.hasNext()) break;
    assert.ok(cursor.paging.next.startsWith(`${sb.url}/`), 'next is absolute on the sandbox');
    await cursor.next();
  }
  const total = sb.core.data.world.igAccounts[0]!.mediaTotal;
  assert.equal(ids.length, total);
  assert.equal(new Set(ids).size, total);
  assert.equal(pages, Math.ceil(total / 10));
  assert.equal(sb.counts()['GET /{ig-user-id}/media'], pages);
});

test('IGMedia.getInsights reads media insights, also inside a batch', async () => {
  const media = sb.core.data.mediaList(sb.core.data.world.igAccounts[0]!).slice(0, 1)[0]!;
  const insights = await new IGMedia(media.id).getInsights(['name', 'period', 'values', 'title', 'description', 'id'], { metric: 'reach,views' });
  assert.equal(insights.length, 2);
  for (const metric of insights) {
    assert.ok(['reach', 'views'].includes(metric._data.name));
    assert.equal(metric._data.period, 'lifetime');
    assert.equal(typeof metric._data.values[0].value, 'number');
    assert.equal(metric._data.id, `${media.id}/insights/${metric._data.name}/lifetime`);
  }
  const results: any[] = [];
  const batch = new FacebookAdsApiBatch(api);
  batch.add('GET', [media.id, 'insights'], { metric: 'reach' }, undefined, (r: any) => results.push(r.body));
  batch.add('GET', '', { ids: media.id, fields: 'insights.metric(reach)' }, undefined, (r: any) => results.push(r.body));
  await batch.execute();
  assert.equal(results[0].data[0].name, 'reach');
  assert.equal(results[1][media.id].insights.data[0].name, 'reach');
});

test('a FacebookAdsApiBatch of two requests: one POST with a JSON body, both success callbacks get their answers', async () => {
  sb.resetCounts();
  const successes: any[] = [];
  const failures: any[] = [];
  const batch = new FacebookAdsApiBatch(api);
  batch.add('GET', ig, { fields: 'id,username,media_count' }, undefined, (r: any) => successes.push(r), (r: any) => failures.push(r));
  batch.add('GET', [ig, 'media'], { fields: 'id,media_type', limit: 3 }, undefined, (r: any) => successes.push(r), (r: any) => failures.push(r));
  const retry = await batch.execute();
  assert.equal(retry, null, 'no operation needs a retry');
  assert.equal(failures.length, 0);
  assert.equal(successes.length, 2);
  const [user, media] = successes;
  assert.equal(user.status, 200);
  assert.deepEqual(Object.keys(user.body).sort(), ['id', 'media_count', 'username']);
  assert.equal(user.body.username, 'lanterncoffee');
  assert.ok(Array.isArray(user.headers));
  assert.equal(media.body.data.length, 3);
  assert.ok(media.body.paging.next.startsWith(sb.url));
  assert.deepEqual(sb.counts(), { 'GET /{ig-user-id}': 1, 'GET /{ig-user-id}/media': 1, 'POST /?batch': 1 });
  assert.equal(sb.requests.at(-1)!.path, '/v24.0', 'the SDK posts the batch to /{version}');
});

test('errors reach the SDK as FacebookRequestError with the Graph status and code (a throttled call: code 4, no retry)', async () => {
  await assert.rejects(new IGUser(ig).get(['id', 'nope']), (e: any) => e.name === 'FacebookRequestError' && e.status === 400 && e.response.code === 100);
  await assert.rejects(api.call('GET', ['me', 'accounts']), (e: any) => e.name === 'FacebookRequestError' && e.status === 400 && e.response.code === 4 && e.response.is_transient === true);
  assert.equal(sb.faults.counts().byKind['rate-limit'], 1);
});
