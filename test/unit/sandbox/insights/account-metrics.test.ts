/** The account insights table: gates by version and date, metric types, periods and breakdowns (graph-api.md §2.2). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT_BREAKDOWN_VALUES, ACCOUNT_METRICS, accountMetricRow, takesType } from '../../../../src/sandbox/insights/account-metrics.js';
import { periodsFor, validAccountMetricNames } from '../../../../src/sandbox/insights/account-request.js';
import { AUDIENCE_DIMENSIONS } from '../../../../src/sandbox/insights/demographics.js';

const NOW = Date.parse('2026-11-20T12:00:00Z');

test('valid names by version and date: impressions gone, views from v22, reposts from Dec 3, 2025', () => {
  const v25 = validAccountMetricNames({ version: 25, nowMs: NOW });
  assert.equal(v25.join(', '), 'reach, follower_count, website_clicks, profile_views, online_followers, accounts_engaged, total_interactions, likes, comments, shares, saves, replies, engaged_audience_demographics, follower_demographics, follows_and_unfollows, profile_links_taps, views, reposts');
  assert.ok(!validAccountMetricNames({ version: 21, nowMs: NOW }).includes('views'));
  assert.ok(!validAccountMetricNames({ version: 25, nowMs: Date.parse('2025-12-01T00:00:00Z') }).includes('reposts'));
  assert.ok(validAccountMetricNames({ version: 21, nowMs: Date.parse('2025-04-01T00:00:00Z') }).includes('impressions'));
  assert.ok(!validAccountMetricNames({ version: 22, nowMs: Date.parse('2025-04-01T00:00:00Z') }).includes('impressions'));
});

test('metric types and periods follow the table: reach both, follower_count/online_followers series only, the rest total_value', () => {
  const reach = accountMetricRow('reach')!;
  assert.deepEqual(periodsFor(reach, 'time_series'), ['day', 'week', 'days_28']);
  assert.deepEqual(periodsFor(reach, 'total_value'), ['day']);
  assert.equal(takesType(accountMetricRow('follower_count')!, 'total_value'), false);
  assert.deepEqual(periodsFor(accountMetricRow('online_followers')!, 'time_series'), ['lifetime']);
  for (const name of ['accounts_engaged', 'likes', 'comments', 'saves', 'shares', 'total_interactions', 'replies', 'reposts', 'follows_and_unfollows', 'profile_links_taps', 'views', 'profile_views', 'website_clicks']) {
    const row = accountMetricRow(name)!;
    assert.equal(takesType(row, 'time_series'), false, name);
    assert.deepEqual(periodsFor(row, 'total_value'), ['day'], name);
  }
  for (const name of ['follower_demographics', 'engaged_audience_demographics']) assert.deepEqual(periodsFor(accountMetricRow(name)!, 'total_value'), ['lifetime']);
});

test('every breakdown has its values; every metric takes some metric type', () => {
  for (const row of ACCOUNT_METRICS) {
    assert.ok(takesType(row, 'time_series') || takesType(row, 'total_value'), row.name);
    for (const b of row.breakdowns) assert.ok(ACCOUNT_BREAKDOWN_VALUES[b] !== undefined || AUDIENCE_DIMENSIONS[b] !== undefined, `${row.name}: ${b}`);
  }
  for (const values of Object.values(ACCOUNT_BREAKDOWN_VALUES)) for (const v of values) assert.equal(v, v.toUpperCase());
});
