import { type GraphApiError, IgsqlError } from '../errors.js';
import type { ModuleLogger } from '../logging/logger.js';
import type { CallOptions, GraphStats } from './call-options.js';
import { recode } from './graph-error.js';
import type { Pacer } from './pacing.js';
import { type BackoffOptions, type Clock, backoffDelay } from './retry.js';

/**
 * The waiting half of GraphClient: pacing delays before a request (from usage headers, or a block
 * after a rate-limit error) and the wait after a rate-limit error, both bounded by the deadline.
 */
export class Throttle {
  readonly pacer: Pacer;
  readonly clock: Clock;
  readonly stats: GraphStats;
  readonly log: ModuleLogger;
  readonly maxRetries: number;
  readonly backoffOptions: BackoffOptions | undefined;
  readonly maxRateLimitWaitMs: number | undefined;

  constructor(init: { pacer: Pacer; clock: Clock; stats: GraphStats; log: ModuleLogger; maxRetries: number; backoff: BackoffOptions | undefined; maxRateLimitWaitMs: number | undefined }) {
    this.pacer = init.pacer;
    this.clock = init.clock;
    this.stats = init.stats;
    this.log = init.log;
    this.maxRetries = init.maxRetries;
    this.backoffOptions = init.backoff;
    this.maxRateLimitWaitMs = init.maxRateLimitWaitMs;
  }

  async pace(account: string | undefined, options: CallOptions, what: string): Promise<void> {
    const now = this.clock.now();
    const { ms, hard, usage } = this.pacer.delay(account, now);
    if (ms <= 0) return;
    let wait = ms;
    if (options.deadline !== undefined && now + wait >= options.deadline) {
      if (hard) {
        throw new IgsqlError('rate-limit', `${what}: the Graph API throttled this account for ${Math.ceil(ms / 1000)} more seconds, past the query deadline.`, {
          details: { waitMs: ms },
        });
      }
      // A soft slow-down must not eat the whole deadline: waiting until the deadline and then
      // sending guarantees a timeout, and with every request waiting no response ever comes
      // back to lower the usage reading (the pacer would starve itself until it goes stale).
      wait = Math.max(0, Math.floor((options.deadline - now) / 2));
    }
    this.stats.pacingDelays++;
    this.stats.pacingMs += wait;
    this.log.log(2, { usage, delayMs: wait, account, blocked: hard }, `${what}: pacing ${wait} ms (usage ${usage}%)`);
    await this.clock.sleep(wait, options.signal);
  }

  async waitForRateLimit(error: GraphApiError, account: string | undefined, attempt: number, options: CallOptions, what: string): Promise<void> {
    const now = this.clock.now();
    const regain = this.pacer.regainMs(account, now);
    const wait = regain > 0 ? regain : backoffDelay(attempt + 2, this.clock.random, this.backoffOptions);
    const asked = regain > 0 ? `the API asked to wait ${formatWait(regain)} (estimated_time_to_regain_access)` : 'the API gave no time to wait';
    if (attempt > this.maxRetries) throw recode(error, 'rate-limit', `${what}: still throttled after ${this.maxRetries} waits; ${asked}`);
    const limit = options.deadline !== undefined ? options.deadline - now : this.maxRateLimitWaitMs ?? 15 * 60_000;
    if (wait >= limit) {
      const why = options.deadline !== undefined ? `which is past the query deadline (in ${formatWait(Math.max(0, limit))})` : `longer than igsql waits (${formatWait(limit)})`;
      throw recode(error, 'rate-limit', `${what}: ${asked}, ${why}`);
    }
    this.pacer.block(account, now + wait);
    this.stats.rateLimitWaits++;
    this.stats.waitMs += wait;
    this.log.warn({ graphCode: error.graphCode, waitMs: wait, account }, `${what}: rate limited (code ${error.graphCode}); ${asked}; waiting ${formatWait(wait)} then going on`);
    await this.clock.sleep(wait, options.signal);
  }
}

function formatWait(ms: number): string {
  if (ms >= 60_000) return `${Math.round(ms / 6000) / 10} min`;
  return `${Math.round(ms / 100) / 10} s`;
}
