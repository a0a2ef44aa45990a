import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { accountInsightsView } from '../../../src/schema/views/account-insights.js';
import { audienceInsightsView } from '../../../src/schema/views/audience-insights.js';
import { onlineFollowersView } from '../../../src/schema/views/online-followers.js';
import { accountView } from '../../../src/schema/views/account.js';
import { viewHarness, type ViewHarness } from '../../helpers/view-harness.js';

let h: ViewHarness;
let account: string;
before(async () => {
  h = await viewHarness();
  const accounts = await h.rows(accountView, { columns: ['Id', 'FollowersCount'] });
  account = String(accounts.sort((a, b) => Number(b['FollowersCount']) - Number(a['FollowersCount']))[0]!['Id']);
});
after(() => h.close());

test('AccountInsights reads daily time series over a 30-day default window', async () => {
  const rows = await h.rows(accountInsightsView, { predicates: [{ column: 'AccountId', op: '=', value: account }, { column: 'Metric', op: 'in', value: ['reach', 'follower_count'] }] });
  const reach = rows.filter((r) => r['Metric'] === 'reach');
  assert.ok(reach.length >= 28 && reach.length <= 31, `reach rows: ${reach.length}`);
  for (const r of reach) {
    assert.equal(r['Period'], 'day');
    assert.equal(r['MetricType'], 'time_series');
    assert.equal(typeof r['Value'], 'number');
    assert.ok(r['EndTime'] instanceof Date);
  }
  assert.ok(rows.some((r) => r['Metric'] === 'follower_count'));
});

test('AccountInsights splits long windows and echoes the user spelling of inputs', async () => {
  h.sandbox.resetCounts();
  const rows = await h.rows(accountInsightsView, {
    predicates: [
      { column: 'AccountId', op: '=', value: account },
      { column: 'Metric', op: '=', value: 'Views' },
      { column: 'Breakdown', op: '=', value: 'media_product_type' },
      { column: 'Since', op: '=', value: '2026-07-01T00:00:00Z' },
      { column: 'Until', op: '=', value: '2026-10-01T00:00:00Z' },
    ],
  });
  assert.equal(h.sandbox.counts()['GET /{ig-user-id}/insights'], 4);
  assert.ok(rows.length > 0);
  for (const r of rows) {
    assert.equal(r['Metric'], 'Views');
    assert.equal(r['MetricType'], 'total_value');
    assert.equal(typeof r['BreakdownValue'], 'string');
  }
});

test('AccountInsights explains an impossible request before calling the API', async () => {
  await assert.rejects(
    h.rows(accountInsightsView, { predicates: [{ column: 'Metric', op: '=', value: 'follower_count' }, { column: 'Period', op: '=', value: 'week' }] }),
    /follower_count has no period week/,
  );
});

test('AudienceInsights gives the top groups for each audience type', async () => {
  const rows = await h.rows(audienceInsightsView, { predicates: [{ column: 'AccountId', op: '=', value: account }] });
  const types = new Set(rows.map((r) => r['AudienceType']));
  assert.deepEqual([...types].sort(), ['age', 'city', 'country', 'gender']);
  const countries = rows.filter((r) => r['AudienceType'] === 'country');
  assert.ok(countries.length > 0 && countries.length <= 45);
  await assert.rejects(h.rows(audienceInsightsView, { predicates: [{ column: 'Timeframe', op: '=', value: 'last_90_days' }] }), /removed it in Graph API v20.0/);
});

test('OnlineFollowers gives 24 hours per day', async () => {
  const rows = await h.rows(onlineFollowersView, { predicates: [{ column: 'AccountId', op: '=', value: account }] });
  assert.ok(rows.length > 0);
  assert.equal(rows.length % 24, 0);
  assert.deepEqual([...new Set(rows.map((r) => r['Hour']))].sort((a, b) => Number(a) - Number(b)), Array.from({ length: 24 }, (_, i) => i));
});
