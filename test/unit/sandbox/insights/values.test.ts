/** Value generators: allocation, media values against stats, account day numbers, demographics. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DataStore } from '../../../../src/sandbox/data/data-store.js';
import { allocate, split } from '../../../../src/sandbox/insights/allocate.js';
import { bucketEnd, dailyValue, dayNumbers, daysIn, onlineFollowers, uniqueOver } from '../../../../src/sandbox/insights/account-values.js';
import { demographicResults, TOP_GROUPS } from '../../../../src/sandbox/insights/demographics.js';
import { mediaBreakdown, mediaValue } from '../../../../src/sandbox/insights/media-values.js';

const ANCHOR = Date.parse('2026-11-20T12:00:00Z');
const DAY = 86_400_000;

test('allocate: non-negative integers summing exactly to the total, proportional to the weights', () => {
  fc.assert(fc.property(fc.nat(1_000_000), fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 40 }), (total, weights) => {
    const parts = allocate(total, weights);
    assert.equal(parts.length, weights.length);
    const sum = weights.reduce((a, b) => a + b, 0);
    assert.equal(parts.reduce((a, b) => a + b, 0), sum > 0 ? total : 0);
    parts.forEach((p, i) => {
      assert.ok(Number.isInteger(p) && p >= 0);
      if (sum > 0) assert.ok(Math.abs(p - (weights[i]! / sum) * total) < 1 + 1e-9);
    });
  }));
  assert.deepEqual(split(10, ['a', 'b', 'c'], [1, 0, 1]), [['a', 5], ['c', 5]]);
});

test('media values equal the stats behind like_count, comments_count and the *_count fields; breakdowns add up', () => {
  const store = new DataStore({ seed: 42, size: 'small', anchorMs: ANCHOR });
  const account = store.igAccount(0)!;
  const all = [...store.mediaList(account).slice(0, 36), ...store.stories(account, ANCHOR).slice(0, 10)];
  for (const m of all) {
    const s = m.stats!;
    assert.equal(mediaValue('likes', m, s, 42), s.likes);
    assert.equal(mediaValue('comments', m, s, 42), s.comments);
    assert.equal(mediaValue('total_comments', m, s, 42), s.comments);
    assert.equal(mediaValue('total_views', m, s, 42), s.views + s.facebookViews);
    assert.equal(mediaValue('total_likes', m, s, 42), s.likes + Math.round(s.facebookViews * 0.04));
    assert.ok(mediaValue('reach', m, s, 42) <= mediaValue('views', m, s, 42));
    const interactions = mediaValue('total_interactions', m, s, 42);
    assert.equal(interactions, m.productType === 'STORY' ? s.replies + s.shares : s.likes + s.comments + s.saved + s.shares);
    for (const name of m.productType === 'STORY' ? ['profile_activity', 'navigation'] : ['profile_activity']) {
      const b = mediaBreakdown(name, m, s, 42);
      assert.equal(b.results.reduce((a, [, v]) => a + v, 0), b.total);
      assert.equal(mediaValue(name, m, s, 42), b.total);
      for (const [label] of b.results) assert.equal(label, label.toLowerCase());
    }
  }
});

test('day buckets end at 07:00 UTC; a window holds the complete days whose end falls in it', () => {
  const day = Math.floor(ANCHOR / DAY);
  assert.equal(new Date(bucketEnd(day)).toISOString(), '2026-11-20T07:00:00.000Z');
  assert.deepEqual(daysIn(ANCHOR - DAY, ANCHOR, ANCHOR), [day]);
  assert.deepEqual(daysIn(bucketEnd(day - 2), bucketEnd(day), ANCHOR), [day - 2, day - 1, day]);
  assert.deepEqual(daysIn(ANCHOR - 3600_000, ANCHOR, ANCHOR), [], 'no bucket ends in the last hour');
  assert.deepEqual(daysIn(ANCHOR - DAY, ANCHOR + 5 * DAY, ANCHOR), [day], 'future buckets are not complete');
});

test('day numbers are a pure function of (seed, account, day), plausible and internally consistent', () => {
  const store = new DataStore({ seed: 42, size: 'small', anchorMs: ANCHOR });
  const account = store.igAccount(0)!;
  const day = Math.floor(ANCHOR / DAY);
  assert.deepEqual(dayNumbers(42, account, day), dayNumbers(42, account, day));
  assert.notDeepEqual(dayNumbers(42, account, day), dayNumbers(43, account, day));
  for (let d = day - 60; d <= day; d++) {
    const n = dayNumbers(42, account, d);
    assert.ok(n.reach > 0 && n.reach < account.followersCount);
    assert.ok(n.views >= n.reach && n.accountsEngaged <= n.reach);
    assert.ok(dailyValue('follower_count', n) >= 0, 'follows outnumber unfollows');
    assert.equal(dailyValue('total_interactions', n), n.likes + n.comments + n.saves + n.shares + n.replies);
  }
  assert.equal(uniqueOver(100, 1), 100);
  assert.ok(uniqueOver(700, 7) < 700);
  const online = onlineFollowers(42, account, day);
  assert.deepEqual(Object.keys(online), Array.from({ length: 24 }, (_, h) => String(h)));
});

test('demographics: top 45, largest first, deterministic, crossed dimensions, leading prefix', () => {
  const store = new DataStore({ seed: 42, size: 'small', anchorMs: ANCHOR });
  const account = store.igAccount(0)!;
  const countries = demographicResults(42, account, ['country'], account.followersCount);
  assert.equal(countries.length, TOP_GROUPS);
  for (let i = 1; i < countries.length; i++) assert.ok(countries[i]!.value <= countries[i - 1]!.value);
  assert.ok(countries.reduce((a, r) => a + r.value, 0) < account.followersCount, 'the tail beyond 45 is cut');
  assert.deepEqual(demographicResults(42, account, ['country'], account.followersCount), countries);
  const ageGender = demographicResults(42, account, ['age', 'gender'], 1000, ['THIS_MONTH']);
  assert.equal(ageGender.reduce((a, r) => a + r.value, 0), 1000, '21 groups: nothing cut');
  for (const r of ageGender) assert.equal(r.dimension_values.length, 3);
  assert.equal(ageGender[0]!.dimension_values[0], 'THIS_MONTH');
});
