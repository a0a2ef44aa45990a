/**
 * Every access token the sandbox knows, with its kind, subject, scopes and lifetime, read against an
 * injectable clock. Stage 2's OAuth endpoints (dialog, /oauth/access_token, debug_token,
 * appsecret_proof) build on `issue` / `lookup` / `validate` / `expire` / `invalidate`.
 */
import type { Clock } from '../clock.js';
import { missingToken, unparsableToken, type GraphError } from '../graph-error.js';
import { hashKeys } from '../data/rng.js';
import { expiredToken, invalidatedToken, type InvalidationReason } from './token-errors.js';

export type TokenType = 'USER' | 'PAGE' | 'APP' | 'SYSTEM_USER';

export interface TokenRecord {
  readonly token: string;
  readonly type: TokenType;
  readonly appId: string;
  /** USER / SYSTEM_USER: the user; PAGE: the user the page token was derived for. */
  readonly userId: string | undefined;
  /** PAGE tokens: the Page. */
  readonly pageId: string | undefined;
  scopes: readonly string[];
  /** Epoch seconds. */
  readonly issuedAt: number;
  /** Epoch seconds; 0 = never expires. */
  expiresAt: number;
  /** Epoch seconds; 0 = never. After it, 190/493. */
  dataAccessExpiresAt: number;
  /** 60-day user token (page tokens derived from it never expire). */
  readonly longLived: boolean;
  /** Set by invalidate(): the token fails with the reason's 190 subcode. */
  invalidated: InvalidationReason | undefined;
  /** Free-form facts for stage 2 (debug_token `metadata`, the OAuth code it came from, ...). */
  readonly metadata: Record<string, unknown>;
}

export interface IssueSpec {
  type: TokenType;
  userId?: string;
  pageId?: string;
  scopes?: readonly string[];
  /** Seconds from now; 0 = never expires. Defaults: USER 2 h (60 d when longLived), PAGE/SYSTEM_USER/APP never. */
  lifetimeSeconds?: number;
  longLived?: boolean;
  /** Seconds from now until data access lapses; 0 = never. Default: 90 days for USER and PAGE. */
  dataAccessSeconds?: number;
  metadata?: Record<string, unknown>;
  /** The app the token belongs to (default: the sandbox app); stage 2's extra OAuth apps. */
  appId?: string;
  /** Register this exact token string instead of minting one (app tokens `app_id|…`). */
  literal?: string;
}

export const SHORT_LIVED_SECONDS = 2 * 3600;
export const LONG_LIVED_SECONDS = 60 * 24 * 3600;
export const DATA_ACCESS_SECONDS = 90 * 24 * 3600;

/** Every permission the sandbox app can be granted (the ready tokens carry all of them). */
export const ALL_SCOPES: readonly string[] = [
  'public_profile', 'email', 'pages_show_list', 'pages_read_engagement', 'pages_manage_metadata', 'business_management',
  'instagram_basic', 'instagram_content_publish', 'instagram_manage_comments', 'instagram_manage_insights',
  'instagram_manage_messages', 'instagram_manage_contents', 'read_insights',
];

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export class TokenRegistry {
  readonly #clock: Clock;
  readonly #seed: number;
  readonly #app: { id: string; secret: string };
  readonly #tokens = new Map<string, TokenRecord>();
  readonly #pageTokens = new Map<string, string>();
  #issued = 0;

  constructor(clock: Clock, seed: number, app: { id: string; secret: string }) {
    this.#clock = clock;
    this.#seed = seed;
    this.#app = app;
  }

  #now(): number {
    return Math.floor(this.#clock.now() / 1000);
  }

  /** A new token string: `EAA…` (Facebook style), deterministic for a seed and issue order. */
  #mint(): string {
    this.#issued++;
    let body = '';
    for (let i = 0; body.length < 160; i++) {
      let h = hashKeys([this.#seed, 'token', this.#issued, i]);
      for (let k = 0; k < 5; k++, h = Math.floor(h / 62)) body += BASE62[h % 62];
    }
    return `EAA${body}`;
  }

  issue(spec: IssueSpec): TokenRecord {
    const record = this.#record(spec.literal ?? this.#mint(), spec);
    this.#tokens.set(record.token, record);
    return record;
  }

  #record(token: string, spec: IssueSpec): TokenRecord {
    const now = this.#now();
    const defaultLifetime = spec.type === 'USER' ? (spec.longLived ? LONG_LIVED_SECONDS : SHORT_LIVED_SECONDS) : 0;
    const lifetime = spec.lifetimeSeconds ?? defaultLifetime;
    const dataAccess = spec.dataAccessSeconds ?? (spec.type === 'USER' || spec.type === 'PAGE' ? DATA_ACCESS_SECONDS : 0);
    return {
      token, type: spec.type, appId: spec.appId ?? this.#app.id, userId: spec.userId, pageId: spec.pageId,
      scopes: [...(spec.scopes ?? ALL_SCOPES)], issuedAt: now, expiresAt: lifetime === 0 ? 0 : now + lifetime,
      dataAccessExpiresAt: dataAccess === 0 ? 0 : now + dataAccess, longLived: spec.longLived ?? false,
      invalidated: undefined, metadata: { ...spec.metadata },
    };
  }

  /**
   * The Page token a user token yields for a Page (`access_token` of `/me/accounts` items and of
   * `/{page-id}`). Cached per (page, user token): asking twice gives the same token. It never
   * expires when the user token is long-lived (or a system-user token), else it lasts 1 hour.
   */
  pageTokenFor(pageId: string, source: TokenRecord): TokenRecord {
    const key = `${pageId}\u0000${source.token}`;
    const cached = this.#pageTokens.get(key);
    const known = cached === undefined ? undefined : this.#tokens.get(cached);
    if (known !== undefined) return known;
    const neverExpires = source.longLived || source.type === 'SYSTEM_USER';
    const record = this.issue({
      type: 'PAGE', pageId, userId: source.userId, scopes: source.scopes, appId: source.appId,
      lifetimeSeconds: neverExpires ? 0 : 3600, dataAccessSeconds: source.dataAccessExpiresAt === 0 ? 0 : undefined,
    });
    this.#pageTokens.set(key, record.token);
    return record;
  }

  /** The app access token in its literal `app_id|app_secret` form. */
  appTokenLiteral(): string {
    return `${this.#app.id}|${this.#app.secret}`;
  }

  /** The record of a token (also for `app_id|app_secret`), valid or not; undefined if unknown. */
  lookup(token: string): TokenRecord | undefined {
    const known = this.#tokens.get(token);
    if (known !== undefined) return known;
    if (token === this.appTokenLiteral()) {
      const literal = this.#record(token, { type: 'APP' });
      this.#tokens.set(token, literal);
      return literal;
    }
    return undefined;
  }

  /** Why the token is unusable now, or undefined if it is valid. */
  problem(token: string | undefined): GraphError | undefined {
    if (token === undefined || token === '') return missingToken();
    const record = this.lookup(token);
    if (record === undefined) return unparsableToken();
    if (record.invalidated !== undefined) return invalidatedToken(record.invalidated, record.appId);
    const nowMs = this.#clock.now();
    if (record.expiresAt !== 0 && record.expiresAt * 1000 <= nowMs) return expiredToken(record.expiresAt * 1000, nowMs);
    if (record.dataAccessExpiresAt !== 0 && record.dataAccessExpiresAt * 1000 <= nowMs) return invalidatedToken('data-access-expired', record.appId);
    return undefined;
  }

  /** The token's record, or throws the 190 (or 104 when missing) GraphError. */
  validate(token: string | undefined): TokenRecord {
    const problem = this.problem(token);
    if (problem !== undefined) throw problem;
    return this.lookup(token!)!;
  }

  /** Makes the token expire now (next use: 190/463). */
  expire(token: string): void {
    const record = this.lookup(token);
    if (record !== undefined) record.expiresAt = Math.min(record.expiresAt === 0 ? Infinity : record.expiresAt, this.#now());
  }

  /** Kills the token early (next use: 190 with the reason's subcode). */
  invalidate(token: string, reason: InvalidationReason = 'password-changed'): void {
    const record = this.lookup(token);
    if (record !== undefined) record.invalidated = reason;
  }

  /** Every token issued so far (for debug_token and tests). */
  list(): readonly TokenRecord[] {
    return [...this.#tokens.values()];
  }
}
