/**
 * AccountInsights with fixed inputs: our daily and totals views, and CData's account insight views
 * (AccountWithoutBreakdown, AccountTimeSeriesWithoutBreakdown, AccountMediaProductType,
 * AccountTimeSeriesMediaProductType, AccountFollowType, AccountTimeSeriesFollowType,
 * AccountContactButtonType) as aliases, so its users' queries run unchanged.
 */
import { makeAccountInsightsView } from './account-insights.js';

export const accountInsightsDailyView = makeAccountInsightsView({
  name: 'AccountInsightsDaily',
  aliases: ['AccountTimeSeriesWithoutBreakdown'],
  description: 'Every account metric as one value per day: time series per day, and total values read one day at a time.',
  daily: true,
  example: { description: 'Daily views and reach of the last week', sql: "SELECT EndTime, Metric, Value FROM AccountInsightsDaily WHERE Metric IN ('views', 'reach') AND Since = '2026-10-01' AND Until = '2026-10-08' ORDER BY EndTime, Metric" },
});

export const accountInsightsTotalsView = makeAccountInsightsView({
  name: 'AccountInsightsTotals',
  aliases: ['AccountWithoutBreakdown'],
  description: 'Every account metric that has a total as one value over the time window (metric_type=total_value).',
  metricType: 'total_value',
  example: { description: 'Totals of the last 30 days', sql: 'SELECT Metric, Value FROM AccountInsightsTotals ORDER BY Metric' },
});

export const accountInsightsByMediaProductTypeView = makeAccountInsightsView({
  name: 'AccountInsightsByMediaProductType',
  aliases: ['AccountMediaProductType'],
  description: 'Account totals over the time window split by surface (POST, REEL, STORY, AD…): breakdown=media_product_type.',
  breakdown: 'media_product_type',
  example: { description: 'Views per surface', sql: "SELECT BreakdownValue, Value FROM AccountInsightsByMediaProductType WHERE Metric = 'views'" },
});

export const accountInsightsDailyByMediaProductTypeView = makeAccountInsightsView({
  name: 'AccountInsightsDailyByMediaProductType',
  aliases: ['AccountTimeSeriesMediaProductType'],
  description: 'Account values per day split by surface: breakdown=media_product_type, one day at a time.',
  breakdown: 'media_product_type',
  daily: true,
  example: { description: 'Daily reach per surface', sql: "SELECT EndTime, BreakdownValue, Value FROM AccountInsightsDailyByMediaProductType WHERE Metric = 'reach' ORDER BY EndTime" },
});

export const accountInsightsByFollowTypeView = makeAccountInsightsView({
  name: 'AccountInsightsByFollowType',
  aliases: ['AccountFollowType', 'AccountFollowersNonfollowers'],
  description: 'Account totals over the time window split by followers and non-followers: breakdown=follow_type.',
  breakdown: 'follow_type',
  example: { description: 'Reach among followers and non-followers', sql: "SELECT BreakdownValue, Value FROM AccountInsightsByFollowType WHERE Metric = 'reach'" },
});

export const accountInsightsDailyByFollowTypeView = makeAccountInsightsView({
  name: 'AccountInsightsDailyByFollowType',
  aliases: ['AccountTimeSeriesFollowType'],
  description: 'Account values per day split by followers and non-followers: breakdown=follow_type, one day at a time.',
  breakdown: 'follow_type',
  daily: true,
  example: { description: 'Daily follows and unfollows', sql: "SELECT EndTime, BreakdownValue, Value FROM AccountInsightsDailyByFollowType WHERE Metric = 'follows_and_unfollows' ORDER BY EndTime" },
});

export const accountInsightsByContactButtonTypeView = makeAccountInsightsView({
  name: 'AccountInsightsByContactButtonType',
  aliases: ['AccountContactButtonType'],
  description: 'Taps on the profile\'s contact buttons (call, email, directions…) over the time window: breakdown=contact_button_type.',
  breakdown: 'contact_button_type',
  example: { description: 'Contact button taps', sql: 'SELECT BreakdownValue, Value FROM AccountInsightsByContactButtonType' },
});

export const ACCOUNT_INSIGHTS_VARIANTS = [
  accountInsightsDailyView,
  accountInsightsTotalsView,
  accountInsightsByMediaProductTypeView,
  accountInsightsDailyByMediaProductTypeView,
  accountInsightsByFollowTypeView,
  accountInsightsDailyByFollowTypeView,
  accountInsightsByContactButtonTypeView,
];
