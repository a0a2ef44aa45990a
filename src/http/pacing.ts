import { parseJsonLossless } from './json.js';

/** One reading of a usage header: the highest of call_count, total_time, total_cputime (percent). */
export interface UsageReading {
  percent: number;
  /** From estimated_time_to_regain_access (minutes), as milliseconds; 0 when not blocked. */
  regainMs: number;
  at: number;
}

export interface PacingOptions {
  /** Usage (percent) above which requests are slowed down. Default 80. */
  threshold?: number;
  /** Delay at 100 % usage (ms); below that it scales linearly from 0 at `threshold`. Default 10 000. */
  maxDelayMs?: number;
  /** A reading older than this is ignored (usage windows roll). Default 120 000 ms. */
  staleAfterMs?: number;
}

/**
 * Reads `X-App-Usage` and `X-Business-Use-Case-Usage` (per business / IG account id) and tells how
 * long to wait before the next request: nothing below 80 %, then a delay proportional to how close
 * usage is to 100 %, so igsql slows down before Meta throttles it rather than after. After a
 * rate-limit error the account is blocked until the API's estimated_time_to_regain_access.
 */
export class Pacer {
  readonly threshold: number;
  readonly maxDelayMs: number;
  readonly staleAfterMs: number;
  #app: UsageReading | undefined;
  #accounts = new Map<string, UsageReading>();
  #blockedUntil = new Map<string, number>();

  constructor(options: PacingOptions = {}) {
    this.threshold = options.threshold ?? 80;
    this.maxDelayMs = options.maxDelayMs ?? 10_000;
    this.staleAfterMs = options.staleAfterMs ?? 120_000;
  }

  /** Record the usage headers of a response (header names in lower case). */
  update(headers: Readonly<Record<string, string | string[] | undefined>>, now: number): void {
    const app = first(headers['x-app-usage']);
    if (app) {
      const parsed = safeJson(app);
      if (parsed && typeof parsed === 'object') this.#app = { percent: maxPercent(parsed as Record<string, unknown>), regainMs: 0, at: now };
    }
    const buc = first(headers['x-business-use-case-usage']);
    if (buc) {
      const parsed = safeJson(buc);
      if (parsed && typeof parsed === 'object') {
        for (const [id, entries] of Object.entries(parsed as Record<string, unknown>)) {
          if (!Array.isArray(entries)) continue;
          let percent = 0;
          let regainMs = 0;
          for (const entry of entries) {
            if (entry === null || typeof entry !== 'object') continue;
            percent = Math.max(percent, maxPercent(entry as Record<string, unknown>));
            const regain = Number((entry as Record<string, unknown>)['estimated_time_to_regain_access']);
            if (Number.isFinite(regain)) regainMs = Math.max(regainMs, regain * 60_000);
          }
          this.#accounts.set(id, { percent, regainMs, at: now });
        }
      }
    }
  }

  /** The highest fresh usage that applies to `account` (or to every account when unknown). */
  usage(account: string | undefined, now: number): number {
    let percent = this.#fresh(this.#app, now)?.percent ?? 0;
    for (const reading of this.#relevant(account, now)) percent = Math.max(percent, reading.percent);
    return percent;
  }

  /** How long to wait before sending a request for `account`: `hard` when the API blocked us. */
  delay(account: string | undefined, now: number): { ms: number; hard: boolean; usage: number } {
    const usage = this.usage(account, now);
    let blocked = 0;
    for (const [id, until] of this.#blockedUntil) {
      if (until <= now) this.#blockedUntil.delete(id);
      else if (account === undefined || id === account || id === '*') blocked = Math.max(blocked, until - now);
    }
    if (blocked > 0) return { ms: blocked, hard: true, usage };
    if (usage <= this.threshold) return { ms: 0, hard: false, usage };
    const fraction = Math.min(1, (usage - this.threshold) / (100 - this.threshold));
    return { ms: Math.round(this.maxDelayMs * fraction), hard: false, usage };
  }

  /** How long the API said to wait (estimated_time_to_regain_access) for `account`, 0 if unknown. */
  regainMs(account: string | undefined, now: number): number {
    let ms = 0;
    for (const reading of this.#relevant(account, now)) ms = Math.max(ms, reading.regainMs);
    return ms;
  }

  /** Stop sending for `account` (or '*', every account) until `until`. */
  block(account: string | undefined, until: number): void {
    const key = account ?? '*';
    this.#blockedUntil.set(key, Math.max(until, this.#blockedUntil.get(key) ?? 0));
  }

  snapshot(now: number): { app: number | undefined; accounts: Record<string, number> } {
    const accounts: Record<string, number> = {};
    for (const [id, r] of this.#accounts) if (this.#fresh(r, now)) accounts[id] = r.percent;
    return { app: this.#fresh(this.#app, now)?.percent, accounts };
  }

  #relevant(account: string | undefined, now: number): UsageReading[] {
    const exact = account === undefined ? undefined : this.#fresh(this.#accounts.get(account), now);
    if (exact) return [exact];
    return [...this.#accounts.values()].filter((r) => this.#fresh(r, now));
  }

  #fresh(reading: UsageReading | undefined, now: number): UsageReading | undefined {
    return reading !== undefined && now - reading.at <= this.staleAfterMs ? reading : undefined;
  }
}

function maxPercent(o: Record<string, unknown>): number {
  let p = 0;
  for (const key of ['call_count', 'total_time', 'total_cputime', 'acc_id_util_pct']) {
    const v = Number(o[key]);
    if (Number.isFinite(v)) p = Math.max(p, v);
  }
  return p;
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function safeJson(text: string): unknown {
  try {
    return parseJsonLossless(text);
  } catch {
    return undefined;
  }
}
