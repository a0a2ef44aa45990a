/** Types shared by GraphClient, paging and batch. */

export type ParamValue = string | number | boolean | bigint | readonly (string | number)[] | null | undefined;
export type Params = Readonly<Record<string, ParamValue>>;

export interface CallOptions {
  signal?: AbortSignal | undefined;
  /** The query deadline (epoch ms): no retry or rate-limit wait goes past it. */
  deadline?: number | undefined;
  /** POST/DELETE only: safe to send twice (e.g. a batch of GETs). GET always is. */
  idempotent?: boolean | undefined;
  /** false: send no token (OAuth endpoints). Default true. */
  auth?: boolean | undefined;
}

export interface GraphResponse<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
}

export interface GraphStats {
  requests: number;
  retries: number;
  rateLimitWaits: number;
  waitMs: number;
  pacingDelays: number;
  pacingMs: number;
  bytes: number;
  authRefreshes: number;
}

export type Method = 'GET' | 'POST' | 'DELETE';

/** Params as form/query strings (arrays joined with commas; null/undefined dropped). */
export function stringParams(params: Params): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null) continue;
    out[k] = Array.isArray(v) ? v.join(',') : String(v);
  }
  return out;
}
