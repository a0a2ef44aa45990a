/**
 * What the token store holds, and its JSON file format (version 1):
 *
 * ```json
 * { "igsql": "oauth-settings", "version": 1, "appId": "1234", "accessToken": "EAA…",
 *   "refreshToken": "EAA…", "tokenType": "bearer", "kind": "long-lived",
 *   "expiresAt": 1790000000000, "issuedAt": 1784816000000, "refreshedAt": 1784816000000,
 *   "dataAccessExpiresAt": 1792592000000, "scopes": ["instagram_basic"], "userId": "1020…",
 *   "pageTokens": { "1021…": { "accessToken": "EAA…", "name": "My Page", "expiresAt": null, "fetchedAt": 1784816000000 } } }
 * ```
 *
 * Times are epoch milliseconds. `expiresAt: null` means "never expires"; a missing `expiresAt`
 * means "unknown". Parsing never echoes a value from the file: messages name fields only.
 */
import { IgsqlError } from '../errors.js';

export type TokenKind = 'short-lived' | 'long-lived' | 'page' | 'system-user' | 'unknown';

export interface PageToken {
  readonly accessToken: string;
  readonly name?: string;
  readonly instagramBusinessAccountId?: string;
  readonly expiresAt?: number | null;
  readonly fetchedAt: number;
}

export interface StoredTokens {
  /** The OAuthClientId these tokens were issued to. */
  readonly appId?: string;
  readonly accessToken: string;
  /** For Facebook Login the "refresh token" is the long-lived user token itself. */
  readonly refreshToken?: string;
  readonly tokenType: string;
  readonly kind: TokenKind;
  readonly expiresAt?: number | null;
  /** When the current access token was obtained (ms). */
  readonly issuedAt: number;
  readonly refreshedAt?: number;
  /** When a renewal last failed (ms): early renewals pause for a while after one. */
  readonly renewalFailedAt?: number;
  readonly dataAccessExpiresAt?: number | null;
  readonly scopes?: readonly string[];
  readonly userId?: string;
  /**
   * Fingerprints (never the values) of the OAuthAccessToken / OAuthVerifier values already
   * consumed, so that each is used once and a new one replaces the stored tokens.
   */
  readonly seeds?: readonly string[];
  readonly pageTokens?: Readonly<Record<string, PageToken>>;
}

export const SETTINGS_FORMAT = 'oauth-settings';
export const SETTINGS_VERSION = 1;

const KINDS: readonly TokenKind[] = ['short-lived', 'long-lived', 'page', 'system-user', 'unknown'];

/** The file text for `tokens` (pretty JSON, trailing newline). */
export function serializeTokens(tokens: StoredTokens): string {
  return `${JSON.stringify({ igsql: SETTINGS_FORMAT, version: SETTINGS_VERSION, ...tokens }, null, 2)}\n`;
}

/**
 * Parses a settings file. Empty text means "no tokens yet" (undefined). Anything else that is not
 * a version-1 settings object is a `config` error naming `where` and the bad field.
 */
export function parseTokens(text: string, where: string): StoredTokens | undefined {
  if (text.trim() === '') return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // JSON.parse messages quote the text around the error: never show them (the file holds tokens).
    throw bad(where, 'is not valid JSON');
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw bad(where, 'does not hold a JSON object');
  const o = raw as Record<string, unknown>;
  if (o['igsql'] !== SETTINGS_FORMAT) throw bad(where, 'is not an igsql OAuth settings file (no "igsql": "oauth-settings")');
  if (typeof o['version'] !== 'number' || o['version'] > SETTINGS_VERSION) {
    throw bad(where, `has format version ${String(o['version'])}, newer than this igsql reads (${SETTINGS_VERSION}); upgrade igsql`);
  }
  const field = (name: string) => (problem: string) => bad(where, `has a bad "${name}" (${problem})`);
  const tokens: StoredTokens = {
    accessToken: str(o, 'accessToken', field, true)!,
    tokenType: str(o, 'tokenType', field) ?? 'bearer',
    kind: kind(o['kind'], field('kind')),
    issuedAt: time(o, 'issuedAt', field, false) ?? 0,
    ...opt('appId', str(o, 'appId', field)),
    ...opt('refreshToken', str(o, 'refreshToken', field)),
    ...opt('expiresAt', time(o, 'expiresAt', field, true)),
    ...opt('refreshedAt', time(o, 'refreshedAt', field, false) ?? undefined),
    ...opt('renewalFailedAt', time(o, 'renewalFailedAt', field, false) ?? undefined),
    ...opt('dataAccessExpiresAt', time(o, 'dataAccessExpiresAt', field, true)),
    ...opt('scopes', strings(o['scopes'], field('scopes'))),
    ...opt('userId', str(o, 'userId', field)),
    ...opt('seeds', strings(o['seeds'], field('seeds'))),
    ...opt('pageTokens', pages(o['pageTokens'], field('pageTokens'))),
  };
  return tokens;
}

function bad(where: string, what: string): IgsqlError {
  return new IgsqlError(
    'config',
    `The OAuth settings file ${where} ${what}. Delete it (igsql signs in again and rewrites it) or point OAuthSettingsLocation elsewhere.`,
    { details: { property: 'OAuthSettingsLocation', file: where } },
  );
}

type FieldError = (name: string) => (problem: string) => IgsqlError;

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function str(o: Record<string, unknown>, name: string, field: FieldError, required = false): string | undefined {
  const v = o[name];
  if (v === undefined || v === null) {
    if (required) throw field(name)('missing');
    return undefined;
  }
  if (typeof v !== 'string' || (required && v === '')) throw field(name)('expected a non-empty string');
  return v;
}

function time(o: Record<string, unknown>, name: string, field: FieldError, nullable: boolean): number | null | undefined {
  const v = o[name];
  if (v === undefined) return undefined;
  if (v === null && nullable) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw field(name)('expected milliseconds since 1970');
  return v;
}

function kind(v: unknown, error: (problem: string) => IgsqlError): TokenKind {
  if (v === undefined) return 'unknown';
  if (typeof v === 'string' && (KINDS as readonly string[]).includes(v)) return v as TokenKind;
  throw error(`expected one of ${KINDS.join(', ')}`);
}

function strings(v: unknown, error: (problem: string) => IgsqlError): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) throw error('expected a list of strings');
  return v as string[];
}

function pages(v: unknown, error: (problem: string) => IgsqlError): Record<string, PageToken> | undefined {
  if (v === undefined) return undefined;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw error('expected an object keyed by page id');
  const out: Record<string, PageToken> = {};
  for (const [id, entry] of Object.entries(v as Record<string, unknown>)) {
    const sub = (name: string) => (problem: string) => error(`page ${id}: "${name}" ${problem}`);
    if (entry === null || typeof entry !== 'object') throw error(`page ${id}: expected an object`);
    const e = entry as Record<string, unknown>;
    out[id] = {
      accessToken: str(e, 'accessToken', sub, true)!,
      fetchedAt: time(e, 'fetchedAt', sub, false) ?? 0,
      ...opt('name', str(e, 'name', sub)),
      ...opt('instagramBusinessAccountId', str(e, 'instagramBusinessAccountId', sub)),
      ...opt('expiresAt', time(e, 'expiresAt', sub, true)),
    };
  }
  return out;
}

/**
 * The stored values as the OAuth connection properties (for `sys_connection_props`; the caller
 * masks the secret ones). OAuthExpiresIn is the remaining lifetime in seconds, -1 = never.
 */
export function tokensAsProperties(tokens: StoredTokens, now: number): Record<'OAuthAccessToken' | 'OAuthRefreshToken' | 'OAuthExpiresIn' | 'OAuthTokenTimestamp', string> {
  const expiresIn = tokens.expiresAt === null ? -1 : tokens.expiresAt === undefined ? undefined : Math.max(0, Math.floor((tokens.expiresAt - now) / 1000));
  return {
    OAuthAccessToken: tokens.accessToken,
    OAuthRefreshToken: tokens.refreshToken ?? '',
    OAuthExpiresIn: expiresIn === undefined ? '' : String(expiresIn),
    OAuthTokenTimestamp: tokens.issuedAt > 0 ? String(tokens.issuedAt) : '',
  };
}
