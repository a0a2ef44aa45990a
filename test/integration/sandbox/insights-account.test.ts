/**
 * Account insights over HTTP (`/{ig-user-id}/insights`, graph-api.md §2.2): time series, total
 * values with breakdowns, demographics, online_followers, follower_count, time paging, the small
 * account rule, version gating and every parameter error (exact messages and statuses).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createManualClock, startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { call, follow, get } from './helpers.js';

const START = Date.parse('2026-11-20T12:00:00Z');
const NOW_S = START / 1000;
const DAY_S = 86_400;
const clock = createManualClock(START);
let sb: Sandbox;
let ig: string;

const ACCOUNT_LIST = 'reach, follower_count, website_clicks, profile_views, online_followers, accounts_engaged, total_interactions, likes, comments, shares, saves, replies, engaged_audience_demographics, follower_demographics, follows_and_unfollows, profile_links_taps, views, reposts';

before(async () => {
  sb = await startSandbox({ seed: 42, clock });
  ig = sb.core.data.world.igAccounts[0]!.id;
});
after(() => sb.stop());

const insights = (query: string, version = 'v25.0'): Promise<any> => get(sb, `/${version}/${ig}/insights?${query}`);

async function expectError(query: string, status: number, code: number, message: string, version = 'v25.0'): Promise<void> {
  const reply = await call(sb, `/${version}/${ig}/insights?${query}`);
  assert.equal(reply.status, status, `${query} → ${JSON.stringify(reply.body)}`);
  assert.equal(reply.body.error.code, code);
  assert.equal(reply.body.error.type, 'OAuthException');
  assert.equal(reply.body.error.message, message);
}

function window(url: string): [number, number] {
  const params = new URL(url).searchParams;
  return [Number(params.get('since')), Number(params.get('until'))];
}

test('time series, default window (last 24 h): one value at T07:00:00+0000, paging shifts the window', async () => {
  const body = await insights('metric=reach&period=day');
  assert.deepEqual(Object.keys(body), ['data', 'paging']);
  const entry = body.data[0];
  assert.deepEqual(Object.keys(entry), ['name', 'period', 'values', 'title', 'description', 'id']);
  assert.equal(entry.id, `${ig}/insights/reach/day`);
  assert.deepEqual(entry.values.map((v: any) => v.end_time), ['2026-11-20T07:00:00+0000']);
  assert.equal(typeof entry.values[0].value, 'number');
  assert.deepEqual(Object.keys(body.paging), ['previous', 'next']);
  assert.deepEqual(window(body.paging.previous), [NOW_S - 2 * DAY_S - 1, NOW_S - DAY_S - 1]);
  assert.deepEqual(window(body.paging.next), [NOW_S + 1, NOW_S + DAY_S + 1]);
  const previous = await follow(body.paging.previous);
  assert.deepEqual(previous.data[0].values.map((v: any) => v.end_time), ['2026-11-19T07:00:00+0000']);
  assert.deepEqual(window(previous.paging.next), [NOW_S - DAY_S, NOW_S], 'next of previous is the first window again');
  assert.deepEqual((await follow(body.paging.next)).data, [], 'no complete day in the future');
});

test('the same day has the same value in every request and at any later time', async () => {
  const five = await insights(`metric=reach,follower_count&period=day&since=${NOW_S - 5 * DAY_S}&until=${NOW_S}`);
  const three = await insights(`metric=reach&period=day&since=${NOW_S - 3 * DAY_S}&until=${NOW_S - DAY_S}`);
  assert.equal(five.data[0].values.length, 5);
  assert.equal(five.data[1].values.length, 5);
  const byEnd = new Map(five.data[0].values.map((v: any) => [v.end_time, v.value]));
  for (const v of three.data[0].values) assert.equal(v.value, byEnd.get(v.end_time));
  clock.advance(3 * DAY_S * 1000);
  try {
    const later = await insights(`metric=reach&period=day&since=${NOW_S - 5 * DAY_S}&until=${NOW_S}`);
    assert.deepEqual(later.data[0].values, five.data[0].values);
  } finally {
    clock.advance(-3 * DAY_S * 1000);
  }
});

test('reach by week and days_28: rolling unique counts, larger than a day, smaller than the sum', async () => {
  const day = (await insights('metric=reach&period=day')).data[0].values[0].value;
  const week = (await insights('metric=reach&period=week')).data[0];
  const month = (await insights('metric=reach&period=days_28')).data[0];
  assert.equal(week.id, `${ig}/insights/reach/week`);
  assert.ok(week.values[0].value > day && week.values[0].value < day * 7 * 1.5);
  assert.ok(month.values[0].value > week.values[0].value);
});

test('total_value: the one-day total equals the day\'s series value; upper-case breakdowns add up', async () => {
  const series = (await insights('metric=reach&period=day')).data[0].values[0].value;
  const body = await insights('metric=reach,likes,views&period=day&metric_type=total_value');
  assert.deepEqual(Object.keys(body.data[0]), ['name', 'period', 'title', 'description', 'total_value', 'id']);
  assert.deepEqual(body.data[0].total_value, { value: series });
  assert.ok(body.paging.previous && body.paging.next);
  const split = await insights('metric=reach,likes&period=day&metric_type=total_value&breakdown=media_product_type');
  for (const entry of split.data) {
    const b = entry.total_value.breakdowns[0];
    assert.deepEqual(b.dimension_keys, ['media_product_type']);
    assert.equal(b.results.reduce((a: number, r: any) => a + r.value, 0), entry.total_value.value);
    for (const r of b.results) assert.ok(['POST', 'REEL', 'STORY', 'CAROUSEL_CONTAINER', 'AD', 'IGTV', 'AR_EFFECT_PREVIEW'].includes(r.dimension_values[0]));
  }
  assert.ok(!split.data[1].total_value.breakdowns[0].results.some((r: any) => r.dimension_values[0] === 'STORY'), 'no likes on stories');
  const crossed = await insights(`metric=reach&period=day&metric_type=total_value&breakdown=media_product_type,follow_type&since=${NOW_S - 14 * DAY_S}&until=${NOW_S}`);
  const b = crossed.data[0].total_value.breakdowns[0];
  assert.deepEqual(b.dimension_keys, ['media_product_type', 'follow_type']);
  assert.ok(b.results.every((r: any) => r.dimension_values.length === 2 && /^(FOLLOWER|NON_FOLLOWER|UNKNOWN)$/.test(r.dimension_values[1])));
  assert.equal(b.results.reduce((a: number, r: any) => a + r.value, 0), crossed.data[0].total_value.value);
  const views = await insights('metric=views&period=day&metric_type=total_value&breakdown=follower_type');
  assert.deepEqual(views.data[0].total_value.breakdowns[0].results.map((r: any) => r.dimension_values[0]).sort(), ['FOLLOWER', 'NON_FOLLOWER']);
  const taps = await insights(`metric=profile_links_taps&period=day&metric_type=total_value&breakdown=contact_button_type&since=${NOW_S - 30 * DAY_S}&until=${NOW_S}`);
  for (const r of taps.data[0].total_value.breakdowns[0].results) assert.match(r.dimension_values[0], /^(BOOK_NOW|CALL|DIRECTION|EMAIL|INSTANT_EXPERIENCE|TEXT|UNDEFINED)$/);
});

test('follows_and_unfollows: FOLLOWER − NON_FOLLOWER is follower_count; no total_value key without a complete day', async () => {
  const range = `since=${NOW_S - 7 * DAY_S}&until=${NOW_S}`;
  const fau = (await insights(`metric=follows_and_unfollows&period=day&metric_type=total_value&breakdown=follow_type&${range}`)).data[0];
  const counts = (await insights(`metric=follower_count&period=day&${range}`)).data[0].values.reduce((a: number, v: any) => a + v.value, 0);
  const result = Object.fromEntries(fau.total_value.breakdowns[0].results.map((r: any) => [r.dimension_values[0], r.value]));
  assert.equal(result['FOLLOWER'] - result['NON_FOLLOWER'], counts);
  assert.equal(fau.total_value.value, result['FOLLOWER'] + result['NON_FOLLOWER']);
  const hours = (await insights(`metric=follows_and_unfollows,likes&period=day&metric_type=total_value&since=${NOW_S - 3 * 3600}&until=${NOW_S}`)).data;
  assert.deepEqual(hours.map((e: any) => e.name), ['follows_and_unfollows', 'likes']);
  assert.ok(!('total_value' in hours[0]), 'follows_and_unfollows has no total_value key');
  assert.deepEqual(hours[1].total_value, { value: 0 });
});

test('follower_count and online_followers: the last 30 days only; online_followers keyed "0"…"23"', async () => {
  const recent = await insights(`metric=online_followers&period=lifetime&since=${NOW_S - 30 * DAY_S}&until=${NOW_S}`);
  const entry = recent.data[0];
  assert.equal(entry.id, `${ig}/insights/online_followers/lifetime`);
  assert.equal(entry.period, 'lifetime');
  assert.equal(entry.values.length, 30);
  for (const v of entry.values) {
    assert.deepEqual(Object.keys(v.value), Array.from({ length: 24 }, (_, h) => String(h)));
    assert.match(v.end_time, /T07:00:00\+0000$/);
  }
  const old = `since=${NOW_S - 50 * DAY_S}&until=${NOW_S - 40 * DAY_S}`;
  assert.deepEqual((await insights(`metric=online_followers&period=lifetime&${old}`)).data, []);
  assert.deepEqual((await insights(`metric=follower_count,reach&period=day&${old}`)).data.map((e: any) => e.name), ['reach']);
  const edge = (await insights(`metric=follower_count&period=day&since=${NOW_S - 40 * DAY_S}&until=${NOW_S - 10 * DAY_S}`)).data[0];
  assert.ok(edge.values.every((v: any) => Date.parse(v.end_time.replace('+0000', 'Z')) >= START - 30 * DAY_S * 1000));
  assert.equal(edge.values.length, 20);
});

test('demographics: top 45, crossed dimensions, engaged audience with a leading timeframe key, no paging', async () => {
  const followers = (await get(sb, `/v25.0/${ig}?fields=followers_count`)).followers_count;
  const country = await insights('metric=follower_demographics&period=lifetime&metric_type=total_value&breakdown=country');
  assert.deepEqual(Object.keys(country), ['data']);
  const entry = country.data[0];
  assert.deepEqual(Object.keys(entry), ['name', 'period', 'title', 'description', 'total_value', 'id']);
  assert.deepEqual(Object.keys(entry.total_value), ['breakdowns']);
  assert.deepEqual(entry.total_value.breakdowns[0].dimension_keys, ['country']);
  const results = entry.total_value.breakdowns[0].results;
  assert.equal(results.length, 45);
  assert.ok(results.reduce((a: number, r: any) => a + r.value, 0) < followers);
  assert.equal((await insights('metric=follower_demographics&period=lifetime&metric_type=total_value&breakdown=city')).data[0].total_value.breakdowns[0].results.length, 45);
  const ageGender = (await insights('metric=follower_demographics&period=lifetime&metric_type=total_value&breakdown=age,gender')).data[0].total_value.breakdowns[0];
  assert.deepEqual(ageGender.dimension_keys, ['age', 'gender']);
  assert.equal(ageGender.results.reduce((a: number, r: any) => a + r.value, 0), followers);
  assert.deepEqual((await insights('metric=follower_demographics&period=lifetime&metric_type=total_value')).data[0].total_value, { value: followers });
  const engaged = (await insights('metric=engaged_audience_demographics&period=lifetime&metric_type=total_value&breakdown=country&timeframe=this_month')).data[0];
  assert.deepEqual(engaged.total_value.breakdowns[0].dimension_keys, ['timeframe', 'country']);
  assert.ok(engaged.total_value.breakdowns[0].results.every((r: any) => r.dimension_values[0] === 'THIS_MONTH' && r.dimension_values.length === 2));
  const week = (await insights('metric=engaged_audience_demographics&period=lifetime&metric_type=total_value&breakdown=gender&timeframe=this_week')).data[0];
  assert.equal(week.total_value.breakdowns[0].results[0].dimension_values[0], 'THIS_WEEK');
  await expectError('metric=engaged_audience_demographics&period=lifetime&metric_type=total_value&breakdown=country&timeframe=last_90_days', 400, 100, '(#100) timeframe must be one of the following values: this_week, this_month');
  await expectError('metric=engaged_audience_demographics&period=lifetime&metric_type=total_value&breakdown=country', 400, 100, '(#100) The parameter timeframe is required');
  await expectError('metric=follower_demographics&period=lifetime&breakdown=country', 400, 100, '(#100) The following metrics (follower_demographics) should be specified with parameter metric_type=total_value');
  await expectError('metric=follower_demographics&period=lifetime&metric_type=total_value&breakdown=media_product_type', 500, 1, 'An unknown error has occurred.');
});

test('parameter errors, exactly', async () => {
  await expectError('period=day', 400, 100, '(#100) The parameter metric is required');
  await expectError('metric=reach', 400, 100, '(#100) The parameter period is required');
  await expectError('metric=reach,impressions&period=day', 400, 100, `(#100) metric[1] must be one of the following values: ${ACCOUNT_LIST}`);
  await expectError('metric=audience_city&period=lifetime', 400, 100, `(#100) metric[0] must be one of the following values: ${ACCOUNT_LIST}`);
  await expectError('metric=reach,likes,profile_views&period=day', 400, 100, '(#100) The following metrics (likes, profile_views) should be specified with parameter metric_type=total_value');
  await expectError('metric=follower_count&period=day&metric_type=total_value', 400, 100, '(#100) The following metrics (follower_count) should be specified with parameter metric_type=time_series');
  await expectError('metric=reach&period=month', 400, 100, '(#100) The period param is invalid');
  await expectError('metric=reach&period=lifetime', 400, 100, '(#100) The period param is invalid');
  await expectError('metric=online_followers&period=day', 400, 100, '(#100) The period param is invalid');
  await expectError('metric=reach&period=day&metric_type=sum', 400, 100, '(#100) metric_type must be one of the following values: time_series, total_value');
  await expectError('metric=reach&period=day&breakdown=media_product_type', 400, 100, '(#100) The parameter breakdown is only supported with metric_type=total_value');
  await expectError('metric=accounts_engaged&period=day&metric_type=total_value&breakdown=media_product_type', 500, 1, 'An unknown error has occurred.');
  await expectError('metric=likes&period=day&metric_type=total_value&breakdown=follow_type', 500, 1, 'An unknown error has occurred.');
  await expectError(`metric=reach&period=day&since=${NOW_S - 30 * DAY_S - 1}&until=${NOW_S}`, 400, 100, '(#100) There cannot be more than 30 days (2592000 s) between since and until');
  await expectError(`metric=reach&period=day&since=${NOW_S - 40 * DAY_S}`, 400, 100, '(#100) There cannot be more than 30 days (2592000 s) between since and until');
  await expectError(`metric=reach&period=day&since=${NOW_S}&until=${NOW_S - DAY_S}`, 400, 100, '(#100) The since parameter must be earlier than the until parameter');
  assert.equal((await insights(`metric=reach&period=day&since=${NOW_S - 30 * DAY_S}&until=${NOW_S}`)).data[0].values.length, 30, 'exactly 30 days is allowed');
  assert.equal((await insights('metric=reach&period=day&timeframe=last_14_days')).data.length, 1, 'timeframe is ignored by other metrics');
});

test('version gating: account views from v22', async () => {
  await expectError('metric=views&period=day&metric_type=total_value', 400, 100, `(#100) metric[0] must be one of the following values: ${ACCOUNT_LIST.replace(', views', '')}`, 'v21.0');
  assert.equal((await insights('metric=views&period=day&metric_type=total_value', 'v22.0')).data[0].name, 'views');
  assert.equal((await insights('metric=reach&period=day', 'v21.0')).data[0].name, 'reach');
});

test('accounts under the follower threshold get nothing for follower_count, online_followers and demographics', async () => {
  const small = await startSandbox({ seed: 42, clock, insightsMinFollowers: 5000 });
  try {
    const studio = small.core.data.igAccountByUsername('lantern.studio')!;
    assert.ok(studio.followersCount < 5000);
    const ask = (q: string): Promise<any> => get(small, `/v25.0/${studio.id}/insights?${q}`);
    assert.deepEqual((await ask('metric=follower_count,reach&period=day')).data.map((e: any) => e.name), ['reach']);
    assert.deepEqual((await ask('metric=online_followers&period=lifetime')).data, []);
    assert.deepEqual((await ask('metric=follower_demographics&period=lifetime&metric_type=total_value&breakdown=country')).data, []);
    const main = small.core.data.world.igAccounts[0]!;
    assert.equal((await get(small, `/v25.0/${main.id}/insights?metric=follower_count&period=day`)).data.length, 1, '12,480 followers: served');
  } finally {
    await small.stop();
  }
  sb.core.data.overlay.patch(ig, { followersCount: 60 });
  try {
    assert.deepEqual((await insights('metric=follower_demographics&period=lifetime&metric_type=total_value&breakdown=age')).data, []);
  } finally {
    sb.core.data.overlay.patch(ig, { followersCount: sb.core.data.world.igAccounts[0]!.followersCount });
  }
});

test('nested insights.metric(...).period(...) on the account and /insights?ids=: no paging', async () => {
  const nested = await get(sb, `/v25.0/${ig}?fields=insights.metric(reach).period(day)`);
  assert.deepEqual(Object.keys(nested), ['insights', 'id']);
  assert.deepEqual(Object.keys(nested.insights), ['data']);
  assert.equal(nested.insights.data[0].id, `${ig}/insights/reach/day`);
  const many = await get(sb, `/v25.0/insights?ids=${ig}&metric=reach&period=day`);
  assert.deepEqual(Object.keys(many[ig]), ['data']);
  sb.resetCounts();
  await insights('metric=reach&period=day');
  assert.deepEqual(sb.counts(), { 'GET /{ig-user-id}/insights': 1 });
});
