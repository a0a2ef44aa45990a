import { type ErrorCode, GraphApiError, type GraphErrorEnvelope, IgsqlError } from '../errors.js';

/** Throttling codes: app (4), user (17), page (32), API (613), BUC page (80001) and IG (80002), app limit (341). */
export const RATE_LIMIT_CODES: ReadonlySet<number> = new Set([4, 17, 32, 341, 613, 80001, 80002]);
/** Token errors handed to TokenProvider.onAuthError. */
export const AUTH_CODES: ReadonlySet<number> = new Set([190, 102]);
/** "Unknown"/"unexpected" errors the docs say to retry. */
export const TRANSIENT_CODES: ReadonlySet<number> = new Set([1, 2]);

/** The `{ error: {...} }` envelope inside a parsed body, if there is one. */
export function envelopeOf(body: unknown): GraphErrorEnvelope | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const error = (body as { error?: unknown }).error;
  if (error === null || typeof error !== 'object') return undefined;
  const e = error as Record<string, unknown>;
  const code = typeof e['code'] === 'number' ? e['code'] : Number(e['code']);
  return {
    message: typeof e['message'] === 'string' ? e['message'] : 'no message',
    code: Number.isFinite(code) ? code : 0,
    ...(typeof e['type'] === 'string' ? { type: e['type'] } : {}),
    ...(e['error_subcode'] !== undefined && Number.isFinite(Number(e['error_subcode'])) ? { error_subcode: Number(e['error_subcode']) } : {}),
    ...(typeof e['error_user_title'] === 'string' ? { error_user_title: e['error_user_title'] } : {}),
    ...(typeof e['error_user_msg'] === 'string' ? { error_user_msg: e['error_user_msg'] } : {}),
    ...(typeof e['is_transient'] === 'boolean' ? { is_transient: e['is_transient'] } : {}),
    ...(typeof e['fbtrace_id'] === 'string' ? { fbtrace_id: e['fbtrace_id'] } : {}),
  };
}

/** A GraphApiError with the IgsqlError code matching its class: `auth` for 190/102, else `graph`. */
export function graphError(envelope: GraphErrorEnvelope, status: number, context: string, code?: ErrorCode): GraphApiError {
  const errorCode = code ?? (AUTH_CODES.has(envelope.code) ? 'auth' : 'graph');
  return new GraphApiError(envelope, status, { code: errorCode, context, details: { envelope } });
}

/** The same Graph error with another code and a longer context (e.g. rate-limit after waiting). */
export function recode(err: GraphApiError, code: ErrorCode, context: string): GraphApiError {
  const envelope = (err.details['envelope'] as GraphErrorEnvelope | undefined) ?? { message: err.message, code: err.graphCode };
  return new GraphApiError(envelope, err.httpStatus, { code, context, cause: err, details: { envelope } });
}

export function isRateLimit(err: unknown): err is GraphApiError {
  return err instanceof GraphApiError && RATE_LIMIT_CODES.has(err.graphCode);
}

export function isAuthError(err: unknown): err is GraphApiError {
  return err instanceof GraphApiError && AUTH_CODES.has(err.graphCode);
}

/** Worth another try for an idempotent call: transport failures, timeouts, 5xx, is_transient, codes 1 and 2. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof GraphApiError) {
    if (RATE_LIMIT_CODES.has(err.graphCode) || AUTH_CODES.has(err.graphCode)) return false;
    return err.isTransient || TRANSIENT_CODES.has(err.graphCode) || err.httpStatus >= 500;
  }
  if (IgsqlError.is(err)) return err.details['retryable'] === true;
  return false;
}

/** True when the request certainly never reached the server (safe to retry even a POST). */
export function neverSent(err: unknown): boolean {
  return IgsqlError.is(err) && err.details['phase'] === 'connect';
}
