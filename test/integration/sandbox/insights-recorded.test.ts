/**
 * Insights answers held against the recorded real responses (fixtures/recorded, python-facebook):
 * field names, value types, the `<object>/insights/<metric>/<period>` id pattern and the time paging
 * of total_value answers. The recordings predate v22, so retired metrics (impressions) are compared
 * through a metric of the same shape (graph-api.md §2.3).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createManualClock, startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import type { MediaRecord } from '../../../src/sandbox/data/media-record.js';
import { assertPagingLike, assertSameShape, get, mergeAll, recorded, shapeOf } from './helpers.js';

const START = Date.parse('2026-11-20T12:00:00Z');
const NOW_S = START / 1000;
let sb: Sandbox;
let ig: string;
let media: MediaRecord[];

before(async () => {
  sb = await startSandbox({ seed: 11, clock: createManualClock(START) });
  ig = sb.core.data.world.igAccounts[0]!.id;
  media = sb.core.data.mediaList(sb.core.data.world.igAccounts[0]!).slice(0, 36);
});
after(() => sb.stop());

const ID_PATTERN = /^\d+\/insights\/[a-z_]+\/(lifetime|day|week|days_28)$/;

test('media insights, plain metrics (instagram/medias/insights)', async () => {
  const rec = recorded('instagram/medias/insights.json');
  const image = media.find((m) => m.mediaType === 'IMAGE')!;
  const mine = await get(sb, `/v25.0/${image.id}/insights?metric=reach,saved`);
  assertSameShape(shapeOf(rec), shapeOf(mine));
  assertSameShape(mergeAll(rec.data), mergeAll(mine.data));
  for (const entry of [...rec.data, ...mine.data]) assert.match(entry.id, ID_PATTERN);
  assert.deepEqual(mine.data.map((e: any) => Object.keys(e)), rec.data.slice(1).map((e: any) => Object.keys(e)), 'same keys in the same order');
});

test('media insights with a breakdown: values and total_value together (instagram/medias/insights_new)', async () => {
  const rec = recorded('instagram/medias/insights_new.json');
  const post = media.find((m) => m.productType === 'FEED' && m.stats!.profileVisits > 40)!;
  const mine = await get(sb, `/v25.0/${post.id}/insights?metric=profile_activity&breakdown=action_type`);
  assertSameShape(shapeOf(rec), shapeOf(mine));
  assert.deepEqual(Object.keys(mine.data[0]), Object.keys(rec.data[0]));
  assert.equal(mine.data[0].description, rec.data[0].description);
  assert.equal(mine.data[0].title, rec.data[0].title);
  assert.match(mine.data[0].id, ID_PATTERN);
});

test('account time series (instagram/users/user_insights): values with end_time buckets', async () => {
  const rec = recorded('instagram/users/user_insights.json');
  const mine = await get(sb, `/v25.0/${ig}/insights?metric=reach&period=day&since=${NOW_S - 2 * 86_400}&until=${NOW_S}`);
  assertSameShape(mergeAll(rec.data), mergeAll(mine.data));
  assert.equal(mine.data[0].values.length, rec.data[1].values.length);
  for (const entry of [...rec.data, ...mine.data]) {
    assert.match(entry.id, ID_PATTERN);
    for (const v of entry.values) assert.match(v.end_time, /^\d{4}-\d\d-\d\dT07:00:00\+0000$/);
  }
});

test('account total_value with two breakdowns and time paging (instagram/users/user_insights_new)', async () => {
  const rec = recorded('instagram/users/user_insights_new.json');
  const since = NOW_S - 2 * 86_400;
  const mine = await get(sb, `/v25.0/${ig}/insights?metric=reach&metric_type=total_value&period=day&breakdown=media_product_type%2Cfollow_type&timeframe=last_14_days&since=${since}&until=${NOW_S}`);
  assertSameShape(shapeOf(rec), shapeOf(mine));
  assert.deepEqual(Object.keys(mine.data[0]), Object.keys(rec.data[0]));
  assert.deepEqual(mine.data[0].total_value.breakdowns[0].dimension_keys, rec.data[0].total_value.breakdowns[0].dimension_keys);
  assertPagingLike(rec.paging, mine.paging, sb, 'paging');
  // Recorded: previous = [S − 1 − L, S − 1], next = [U + 1, U + 1 + L] around the asked [S, U].
  const gap = (p: any): number => Number(new URL(p.next).searchParams.get('since')) - Number(new URL(p.previous).searchParams.get('until'));
  const length = (url: string): number => Number(new URL(url).searchParams.get('until')) - Number(new URL(url).searchParams.get('since'));
  assert.equal(gap(mine.paging), gap(rec.paging));
  assert.equal(length(mine.paging.next), length(rec.paging.next));
  assert.equal(length(mine.paging.previous), length(rec.paging.previous));
  const values = new Set(rec.data[0].total_value.breakdowns[0].results.map((r: any) => r.dimension_values[0]));
  for (const r of mine.data[0].total_value.breakdowns[0].results) assert.ok(values.has(r.dimension_values[0]), `${r.dimension_values[0]} is a recorded spelling`);
});
