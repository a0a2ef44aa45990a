import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateView } from '../../../src/schema/define-view.js';
import { INSTAGRAM_VIEWS } from '../../../src/schema/views/index.js';

test('every view definition is valid', () => {
  for (const view of INSTAGRAM_VIEWS) assert.deepEqual(validateView(view), [], view.name);
});

test('view names and aliases are unique, case-insensitively', () => {
  const seen = new Map<string, string>();
  for (const view of INSTAGRAM_VIEWS) {
    for (const name of [view.name, ...view.aliases]) {
      const key = name.toLowerCase();
      assert.ok(!seen.has(key), `${name} (${view.name}) clashes with ${seen.get(key)}`);
      seen.set(key, view.name);
    }
  }
});

test('column aliases do not clash with column names in the same view', () => {
  for (const view of INSTAGRAM_VIEWS) {
    const names = new Set<string>();
    for (const column of view.columns) {
      for (const name of [column.name, ...(column.aliases ?? [])]) {
        const key = name.toLowerCase();
        assert.ok(!names.has(key), `${view.name}.${name} is declared twice`);
        names.add(key);
      }
    }
  }
});

test('CData names resolve to our views', () => {
  const names = new Set(INSTAGRAM_VIEWS.flatMap((v) => [v.name, ...v.aliases].map((n) => n.toLowerCase())));
  for (const cdata of ['InstagramPages', 'Pages', 'InstagramBusinessProfile', 'IGMedia', 'Media', 'Comments', 'Replies', 'Stories', 'Tags',
    'MediaInsights', 'MediaInsightsPost', 'MediaInsightsPostAlbum', 'MediaInsightsReels', 'MediaInsightReels', 'MediaInsightsStory',
    'AccountInsights', 'AudienceInsights', 'OnlineFollowers', 'Permissions',
    'AccountContactButtonType', 'AccountFollowType', 'AccountFollowersNonfollowers', 'AccountMediaProductType', 'AccountTimeSeriesFollowType',
    'AccountTimeSeriesMediaProductType', 'AccountTimeSeriesWithoutBreakdown', 'AccountWithoutBreakdown']) {
    assert.ok(names.has(cdata.toLowerCase()), cdata);
  }
});
