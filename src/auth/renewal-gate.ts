/**
 * Single-flight renewal and the token generations of one session. Calls in flight while the token
 * is renewed (read-ahead paging, concurrent scans) come back with 190 for a token that is no longer
 * the current one. The rule the session follows:
 * - concurrent 190s for the current token share ONE renewal; each failed call is retried once;
 * - a 190 for an older (replaced) token is retried with the current one, nothing is renewed;
 * - a 190 for the token obtained moments ago is a real auth error (no renewal loop).
 * When the caller cannot say which token a call carried, a 190 within `recentMs` of a renewal is
 * taken as one for the older token: the caller retries each call once, so this cannot loop either.
 */
import type { StoredTokens } from './stored-tokens.js';

/** `retry`: use the current token; `renew`: renew (or recover) first; `refused`: the new token itself is refused. */
export type AuthErrorVerdict = 'retry' | 'renew' | 'refused';

/** How many replaced token values are remembered (their 190s may still be on the way). */
const REPLACED_KEPT = 16;

export class RenewalGate {
  readonly #now: () => number;
  readonly #recentMs: number;
  #inflight: Promise<StoredTokens> | undefined;
  #replaced: string[] = [];
  #fresh: string | undefined;
  #renewedAt = -Infinity;

  constructor(now: () => number, recentMs: number) {
    this.#now = now;
    this.#recentMs = recentMs;
  }

  /** Runs `fn` unless a renewal is already running, whose result is then shared. */
  run(fn: () => Promise<StoredTokens>): Promise<StoredTokens> {
    this.#inflight ??= fn().finally(() => (this.#inflight = undefined));
    return this.#inflight;
  }

  /** The renewal (or store read) in progress, if any. */
  get running(): Promise<StoredTokens> | undefined {
    return this.#inflight;
  }

  /** A new token was obtained from Facebook (renewal or sign-in). */
  obtained(value: string): void {
    this.#fresh = value;
    this.#renewedAt = this.#now();
  }

  /** `value` is no longer handed out (renewed here or elsewhere, or a Page token dropped). */
  replaced(value: string): void {
    if (value === '' || this.#replaced.includes(value)) return;
    this.#replaced = [...this.#replaced, value].slice(-REPLACED_KEPT);
  }

  isReplaced(value: string): boolean {
    return this.#replaced.includes(value);
  }

  /** What to do about a 190 for a call that carried `used` (undefined: not known). */
  verdict(used: string | undefined): AuthErrorVerdict {
    const recent = this.#now() - this.#renewedAt < this.#recentMs;
    if (used === undefined) return recent ? 'retry' : 'renew';
    if (this.isReplaced(used)) return 'retry';
    return recent && used === this.#fresh ? 'refused' : 'renew';
  }
}
