/**
 * Parsers for the answers of the OAuth endpoints (token exchanges, debug_token, /me,
 * /{user-id}/accounts) and of their error envelopes. Pure: JSON in, typed values or
 * IgsqlErrors out. Times come back as epoch milliseconds.
 */
import { GraphApiError, type GraphErrorEnvelope, IgsqlError } from '../errors.js';

export interface TokenGrant {
  accessToken: string;
  tokenType: string;
  /** Seconds; undefined when the answer has none (a token that does not expire). */
  expiresIn?: number;
}

export type TokenType = 'USER' | 'PAGE' | 'APP' | 'SYSTEM_USER';

export interface TokenInfo {
  appId: string;
  type: TokenType | string;
  application?: string;
  isValid: boolean;
  /** ms; null = never expires (`expires_at: 0`); undefined = not given. */
  expiresAt?: number | null;
  dataAccessExpiresAt?: number | null;
  issuedAt?: number;
  scopes: string[];
  granularScopes: { scope: string; targetIds?: string[] }[];
  userId?: string;
  profileId?: string;
  /** Why the token is invalid (is_valid false). */
  error?: { code?: number; subcode?: number; message: string };
}

export interface PageAccount {
  id: string;
  name?: string;
  /** Absent when the user lacks a task that grants one. */
  accessToken?: string;
  tasks: string[];
  instagramBusinessAccountId?: string;
  instagramUsername?: string;
}

/** `{ access_token, token_type, expires_in }` (expires_in as a number or a numeric string). */
export function parseTokenGrant(json: unknown, context: string): TokenGrant {
  const o = object(json, context);
  const token = o['access_token'];
  if (typeof token !== 'string' || token === '') throw malformed(context, 'no access_token');
  const expires = toNumber(o['expires_in']);
  return {
    accessToken: token,
    tokenType: typeof o['token_type'] === 'string' ? o['token_type'] : 'bearer',
    ...(expires !== undefined && expires > 0 ? { expiresIn: expires } : {}),
  };
}

/** The `data` of `/debug_token`: app_id as string or number, 0 = never for the expiry times. */
export function parseDebugToken(json: unknown, context = 'GET /debug_token'): TokenInfo {
  const data = object(object(json, context)['data'], context);
  const appId = data['app_id'];
  const err = data['error'];
  const info: TokenInfo = {
    appId: typeof appId === 'number' || typeof appId === 'bigint' || typeof appId === 'string' ? String(appId) : '',
    type: typeof data['type'] === 'string' ? data['type'] : 'USER',
    isValid: data['is_valid'] === true,
    scopes: Array.isArray(data['scopes']) ? data['scopes'].filter((s): s is string => typeof s === 'string') : [],
    granularScopes: Array.isArray(data['granular_scopes']) ? data['granular_scopes'].flatMap(granular) : [],
  };
  if (typeof data['application'] === 'string') info.application = data['application'];
  const expiresAt = epoch(data['expires_at']);
  if (expiresAt !== undefined) info.expiresAt = expiresAt;
  const dataAccess = epoch(data['data_access_expires_at']);
  if (dataAccess !== undefined) info.dataAccessExpiresAt = dataAccess;
  const issued = epoch(data['issued_at']);
  if (typeof issued === 'number') info.issuedAt = issued;
  if (data['user_id'] !== undefined) info.userId = String(data['user_id']);
  if (data['profile_id'] !== undefined) info.profileId = String(data['profile_id']);
  if (err !== null && typeof err === 'object') {
    const e = err as Record<string, unknown>;
    const code = toNumber(e['code']);
    const subcode = toNumber(e['subcode']);
    info.error = { message: typeof e['message'] === 'string' ? e['message'] : 'invalid token', ...(code !== undefined ? { code } : {}), ...(subcode !== undefined ? { subcode } : {}) };
  }
  return info;
}

/** `/me`: `{ id, name }`. */
export function parseMe(json: unknown, context = 'GET /me'): { id: string; name?: string } {
  const o = object(json, context);
  if (o['id'] === undefined || o['id'] === null) throw malformed(context, 'no id');
  return { id: String(o['id']), ...(typeof o['name'] === 'string' ? { name: o['name'] } : {}) };
}

/** One page of `/{user-id}/accounts`, with the cursor of the next page when there is one. */
export function parseAccounts(json: unknown, context = 'GET /accounts'): { pages: PageAccount[]; after?: string } {
  const o = object(json, context);
  if (!Array.isArray(o['data'])) throw malformed(context, 'no data list');
  const pages = o['data'].map((item, i): PageAccount => {
    const p = object(item, `${context} item ${i}`);
    if (p['id'] === undefined || p['id'] === null) throw malformed(context, `item ${i} has no id`);
    const ig = p['instagram_business_account'];
    const igo = ig !== null && typeof ig === 'object' ? (ig as Record<string, unknown>) : undefined;
    return {
      id: String(p['id']),
      tasks: Array.isArray(p['tasks']) ? p['tasks'].filter((t): t is string => typeof t === 'string') : [],
      ...(typeof p['name'] === 'string' ? { name: p['name'] } : {}),
      ...(typeof p['access_token'] === 'string' && p['access_token'] !== '' ? { accessToken: p['access_token'] } : {}),
      ...(igo?.['id'] !== undefined ? { instagramBusinessAccountId: String(igo['id']) } : {}),
      ...(typeof igo?.['username'] === 'string' ? { instagramUsername: igo['username'] } : {}),
    };
  });
  const paging = o['paging'] as { next?: unknown; cursors?: { after?: unknown } } | undefined;
  const after = paging?.cursors?.after;
  // Stop when `next` is absent (graph-api.md §3): a lone cursor does not mean more pages.
  return { pages, ...(typeof paging?.next === 'string' && typeof after === 'string' ? { after } : {}) };
}

/**
 * The error of an answer, or undefined when it is a success. A Graph envelope becomes a
 * GraphApiError with code `auth` (an OAuth step failed); any other non-2xx an `auth` IgsqlError.
 */
export function oauthError(status: number, json: unknown, context: string): IgsqlError | undefined {
  const envelope = envelopeOf(json);
  if (envelope) return new GraphApiError(envelope, status, { code: 'auth', context, details: { envelope } });
  if (status >= 200 && status < 300) return undefined;
  return new IgsqlError('auth', `${context} answered HTTP ${status} without a Graph error body.`, { details: { status } });
}

export function envelopeOf(json: unknown): GraphErrorEnvelope | undefined {
  if (json === null || typeof json !== 'object') return undefined;
  const e = (json as { error?: unknown }).error;
  if (e === null || typeof e !== 'object') return undefined;
  const o = e as Record<string, unknown>;
  const subcode = toNumber(o['error_subcode']);
  return {
    message: typeof o['message'] === 'string' ? o['message'] : 'no message',
    code: toNumber(o['code']) ?? 0,
    ...(typeof o['type'] === 'string' ? { type: o['type'] } : {}),
    ...(subcode !== undefined ? { error_subcode: subcode } : {}),
    ...(typeof o['error_user_title'] === 'string' ? { error_user_title: o['error_user_title'] } : {}),
    ...(typeof o['error_user_msg'] === 'string' ? { error_user_msg: o['error_user_msg'] } : {}),
    ...(typeof o['is_transient'] === 'boolean' ? { is_transient: o['is_transient'] } : {}),
    ...(typeof o['fbtrace_id'] === 'string' ? { fbtrace_id: o['fbtrace_id'] } : {}),
  };
}

function granular(item: unknown): { scope: string; targetIds?: string[] }[] {
  if (item === null || typeof item !== 'object') return [];
  const g = item as Record<string, unknown>;
  if (typeof g['scope'] !== 'string') return [];
  const ids = Array.isArray(g['target_ids']) ? g['target_ids'].map(String) : undefined;
  return [{ scope: g['scope'], ...(ids ? { targetIds: ids } : {}) }];
}

/** Seconds since 1970 → ms; 0 → null (never); absent or not a number → undefined. */
function epoch(value: unknown): number | null | undefined {
  const n = toNumber(value);
  if (n === undefined) return undefined;
  return n === 0 ? null : n * 1000;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

function object(json: unknown, context: string): Record<string, unknown> {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw malformed(context, 'not a JSON object');
  return json as Record<string, unknown>;
}

function malformed(context: string, what: string): IgsqlError {
  return new IgsqlError('auth', `${context} answered with an unexpected body (${what}).`);
}
