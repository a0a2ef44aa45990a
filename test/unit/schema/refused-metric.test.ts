import { test } from 'node:test';
import assert from 'node:assert/strict';
import { refusedMetric } from '../../../src/schema/insights/refused-metric.js';

test('refusedMetric reads the metric the API names', () => {
  const asked = ['reach', 'views', 'total_views', 'facebook_views'];
  assert.equal(refusedMetric('(#100) metric[2] must be one of the following values: impressions, reach, views, total_views', asked), 'total_views');
  assert.equal(refusedMetric('(#100) The Media Insights API does not support the views metric for this media product type', asked), 'views');
  assert.equal(refusedMetric('(#100) The following metrics (profile_views) should be specified with parameter metric_type=total_value', ['reach', 'profile_views']), 'profile_views');
  assert.equal(refusedMetric('(#100) facebook_views is only available for media that was shared to Facebook', asked), 'facebook_views');
  assert.equal(refusedMetric('(#100) Starting from version v22.0 and above, the impressions metric is no longer supported', asked), undefined);
  assert.equal(refusedMetric('(#100) something about reach and views', asked), undefined);
});
