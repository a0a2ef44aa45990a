import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerRows, canonicalMetricType, canonicalPeriod, planRequests, windows } from '../../../src/schema/insights/account-insights-fetch.js';

test('planRequests groups metrics by their natural metric type', () => {
  const requests = planRequests(undefined, 'day', undefined, undefined);
  const series = requests.find((r) => r.metricType === 'time_series');
  const totals = requests.find((r) => r.metricType === 'total_value');
  assert.deepEqual(series?.metrics, ['reach', 'follower_count']);
  assert.ok(totals?.metrics.includes('views'));
  assert.ok(!totals?.metrics.includes('reach'));
});

test('planRequests narrows to metrics that have the period and breakdown', () => {
  assert.deepEqual(planRequests(undefined, 'week', undefined, undefined), [{ metrics: ['reach'], period: 'week', metricType: 'time_series', breakdown: undefined }]);
  const byFollow = planRequests(undefined, 'day', undefined, 'follow_type');
  assert.deepEqual(byFollow[0]?.metrics, ['reach', 'follows_and_unfollows']);
  assert.equal(byFollow[0]?.metricType, 'total_value');
});

test('planRequests explains an impossible explicit request', () => {
  assert.throws(() => planRequests(['follower_count'], 'week', undefined, undefined), /follower_count has no period week \(valid: day\)/);
  assert.throws(() => planRequests(['views'], 'day', 'time_series', undefined), /views has no metric type time_series/);
  assert.throws(() => planRequests(['impressions'], 'day', undefined, undefined), /no metric 'impressions'/);
  assert.throws(() => planRequests(['likes'], 'day', undefined, 'follow_type'), /likes has no breakdown follow_type \(valid: media_product_type\)/);
});

test('inputs are canonicalised', () => {
  assert.equal(canonicalPeriod('28 days'), 'days_28');
  assert.equal(canonicalPeriod(undefined), 'day');
  assert.throws(() => canonicalPeriod('month'), /Period 'month' is not valid/);
  assert.equal(canonicalMetricType('default'), 'time_series');
  assert.throws(() => canonicalMetricType('sum'), /MetricType 'sum'/);
});

test('windows are cut at 30 days', () => {
  const day = 86400;
  assert.deepEqual(windows(0, 10 * day), [{ since: 0, until: 10 * day }]);
  const w = windows(0, 70 * day);
  assert.equal(w.length, 3);
  assert.deepEqual(w[2], { since: 60 * day, until: 70 * day });
});

test('answerRows reads time series and total values with breakdowns', () => {
  const series = answerRows(
    { data: [{ name: 'reach', period: 'day', values: [{ value: 3, end_time: '2017-05-04T07:00:00+0000' }, { value: 36, end_time: '2017-05-05T07:00:00+0000' }] }] },
    { metrics: ['reach'], period: 'day', metricType: 'time_series', breakdown: undefined },
    { since: 0, until: 1 },
    '1784',
  );
  assert.equal(series.length, 2);
  assert.equal(series[1]?.['Value'], 36);
  assert.equal((series[1]?.['EndTime'] as Date).toISOString(), '2017-05-05T07:00:00.000Z');
  assert.equal((series[1]?.['StartTime'] as Date).toISOString(), '2017-05-04T07:00:00.000Z');
  const totals = answerRows(
    { data: [{ name: 'reach', period: 'day', total_value: { value: 224, breakdowns: [{ dimension_keys: ['media_product_type'], results: [{ dimension_values: ['CAROUSEL_CONTAINER'], value: 100 }, { dimension_values: ['POST'], value: 124 }] }] } }] },
    { metrics: ['reach'], period: 'day', metricType: 'total_value', breakdown: 'media_product_type' },
    { since: 1000, until: 2000 },
    '1784',
  );
  assert.deepEqual(totals.map((r) => [r['BreakdownValue'], r['Value']]), [['CAROUSEL_CONTAINER', 100], ['POST', 124]]);
  const noTotal = answerRows({ data: [{ name: 'follows_and_unfollows', period: 'day' }] }, { metrics: ['follows_and_unfollows'], period: 'day', metricType: 'total_value', breakdown: undefined }, { since: 0, until: 1 }, '1');
  assert.deepEqual(noTotal, []);
});
