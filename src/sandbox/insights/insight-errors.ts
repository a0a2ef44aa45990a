/**
 * The errors of the insights edges (graph-api.md §2.4; choices where it is silent are in README.md,
 * "Insights"). All are `OAuthException`; code 100 and 10 answer HTTP 400, code 1 HTTP 500.
 */
import { graphError, type GraphError } from '../graph-error.js';

/** `(#100) metric[i] must be one of the following values: a, b, …` — `index` is the bad name's position. */
export function invalidMetric(index: number, valid: readonly string[]): GraphError {
  return graphError({ code: 100, message: `(#100) metric[${index}] must be one of the following values: ${valid.join(', ')}` });
}

/** A valid metric name that this media's product type (or this API version) does not serve. */
export function metricNotSupported(metric: string): GraphError {
  return graphError({ code: 100, message: `(#100) The Media Insights API does not support the ${metric} metric for this media product type` });
}

/** `impressions` on an image or carousel after its retirement (SWEEP). */
export function impressionsRetired(): GraphError {
  return graphError({ code: 100, message: '(#100) Starting from version v22.0 and above, the impressions metric is no longer supported for the queried media' });
}

/** facebook_views / crossposted_views on a media that was not shared to Facebook. */
export function notSharedToFacebook(metric: string): GraphError {
  return graphError({ code: 100, message: `(#100) The ${metric} metric is only available for media that was shared to Facebook` });
}

export function notEnoughViewers(): GraphError {
  return graphError({ code: 10, message: '(#10) Not enough viewers for the media to show insights' });
}

/** Insights of a carousel child (docs: "Insights data is not available for any media within an Instagram Media album"). */
export function albumChildInsights(): GraphError {
  return graphError({ code: 100, message: '(#100) Insights data is not available for any media within an Instagram Media album' });
}

/** A breakdown that a requested metric does not take: code 1, HTTP 500 (docs: "An unknown error has occurred."). */
export function unsupportedBreakdown(): GraphError {
  return graphError({ code: 1, message: 'An unknown error has occurred.' });
}

/** Account insights: a metric asked with the wrong metric_type. */
export function wrongMetricType(metrics: readonly string[], wanted: 'total_value' | 'time_series'): GraphError {
  return graphError({ code: 100, message: `(#100) The following metrics (${metrics.join(', ')}) should be specified with parameter metric_type=${wanted}` });
}

/** Account insights: an unknown period, or a period the metric does not have ([OBS] third-party client notes). */
export function invalidPeriod(): GraphError {
  return graphError({ code: 100, message: '(#100) The period param is invalid' });
}

/** An enumerated parameter with a value outside its list, worded like the metric message. */
export function invalidEnum(parameter: string, valid: readonly string[]): GraphError {
  return graphError({ code: 100, message: `(#100) ${parameter} must be one of the following values: ${valid.join(', ')}` });
}

export function breakdownNeedsTotalValue(): GraphError {
  return graphError({ code: 100, message: '(#100) The parameter breakdown is only supported with metric_type=total_value' });
}

export function windowTooLong(): GraphError {
  return graphError({ code: 100, message: '(#100) There cannot be more than 30 days (2592000 s) between since and until' });
}

export function windowReversed(): GraphError {
  return graphError({ code: 100, message: '(#100) The since parameter must be earlier than the until parameter' });
}
