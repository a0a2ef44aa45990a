/**
 * The `rateLimit` option of startSandbox: budgets per rolling window, and when usage headers start.
 * Defaults are large enough never to throttle ordinary tests or benchmarks.
 */
import { IgsqlError } from '../../errors.js';

export interface RateLimitOptions {
  /** Length of the rolling window, ms (default 3,600,000: one hour). */
  windowMs?: number;
  /** Calls per window for the app, with user or app tokens (code 4 beyond). Default 1,000,000. */
  appCalls?: number;
  /** Calls per window for each user, with user tokens (code 17 beyond; not shown in a header, as at Meta). Default 1,000,000. */
  userCalls?: number;
  /** Calls per window for each Page, with its Page token (code 32 beyond). Default 1,000,000. */
  pageCalls?: number;
  /** Calls per window on each Instagram business account, any token (code 80002 beyond). Default 1,000,000. */
  bucCalls?: number;
  /** Usage headers appear once a counter has this many calls in the window (default 0: always). */
  headerAfterCalls?: number;
}

export type ResolvedRateLimit = Required<RateLimitOptions>;

export const DEFAULT_BUDGET = 1_000_000;

function usage(message: string): IgsqlError {
  return new IgsqlError('usage', `startSandbox: ${message}`);
}

function budget(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (value !== Infinity && (!Number.isInteger(value) || value < min)) {
    throw usage(`rateLimit.${name} must be an integer ≥ ${min} (or Infinity), got ${String(value)}`);
  }
  return value;
}

export function resolveRateLimit(options: RateLimitOptions = {}, current?: ResolvedRateLimit): ResolvedRateLimit {
  if (typeof options !== 'object' || options === null) throw usage(`rateLimit must be an object, got ${String(options)}`);
  const known = ['windowMs', 'appCalls', 'userCalls', 'pageCalls', 'bucCalls', 'headerAfterCalls'];
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw usage(`rateLimit.${key} is not an option; expected one of ${known.join(', ')}`);
  }
  const windowMs = budget('windowMs', options.windowMs, current?.windowMs ?? 3_600_000, 1000);
  if (windowMs === Infinity) throw usage('rateLimit.windowMs must be finite');
  return {
    windowMs,
    appCalls: budget('appCalls', options.appCalls, current?.appCalls ?? DEFAULT_BUDGET, 1),
    userCalls: budget('userCalls', options.userCalls, current?.userCalls ?? DEFAULT_BUDGET, 1),
    pageCalls: budget('pageCalls', options.pageCalls, current?.pageCalls ?? DEFAULT_BUDGET, 1),
    bucCalls: budget('bucCalls', options.bucCalls, current?.bucCalls ?? DEFAULT_BUDGET, 1),
    headerAfterCalls: budget('headerAfterCalls', options.headerAfterCalls, current?.headerAfterCalls ?? 0, 0),
  };
}
