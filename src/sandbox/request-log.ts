/**
 * Every request the sandbox answers: method, path (never the query), served version, the endpoint
 * pattern (`GET /{ig-user-id}/media`), parameters without secrets, status and Graph error code.
 * Tests and benchmarks assert call counts with `counts()`. The entry list keeps the latest
 * `maxEntries` (up to a tenth more between trims: dropping the oldest entry on every request once
 * full moved 10,000 entries each time); counts are exact.
 */

export interface RequestLogEntry {
  /** Epoch ms (sandbox clock) when the request arrived. */
  readonly at: number;
  readonly method: string;
  /** Path as requested (version included, `//` collapsed), without the query string. */
  readonly path: string;
  readonly version: string;
  /** Route pattern: `GET /{ig-media-id}/comments`, `GET /me/accounts`, `GET /?ids`. */
  readonly endpoint: string;
  /** Parameters, with tokens and secrets removed. */
  readonly params: Readonly<Record<string, string>>;
  readonly status: number;
  /** Graph error code and subcode when the answer was an error. */
  readonly errorCode?: number;
  readonly errorSubcode?: number;
  readonly traceId: string;
  readonly durationMs: number;
  /** Where the request came from: `http`, or `internal` (stage 2 batch items and other dispatches). */
  readonly source: string;
  /** Message of an unexpected exception (a sandbox bug), answered as code 1. */
  readonly internalError?: string;
}

const SECRET_PARAMS = new Set([
  'access_token', 'input_token', 'fb_exchange_token', 'client_secret', 'appsecret_proof', 'code', 'password', 'code_verifier',
]);

export class RequestLog {
  readonly #entries: RequestLogEntry[] = [];
  readonly #counts = new Map<string, number>();
  readonly #secrets: string[] = [];
  readonly maxEntries: number;

  constructor(maxEntries = 10_000) {
    this.maxEntries = maxEntries;
  }

  /** Registers a secret (e.g. the app secret) that must never appear in logged parameter values. */
  addSecret(secret: string): void {
    if (secret !== '') this.#secrets.push(secret);
  }

  scrub(params: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(params)) {
      if (SECRET_PARAMS.has(key)) continue;
      let clean = value.replace(/\b(EAA|IGAA|IGQV)[A-Za-z0-9_-]{8,}/g, '$1…');
      for (const secret of this.#secrets) clean = clean.split(secret).join('…');
      out[key] = clean;
    }
    return out;
  }

  record(entry: RequestLogEntry): void {
    this.#entries.push(entry);
    if (this.#entries.length > this.maxEntries + Math.ceil(this.maxEntries / 10)) this.#entries.splice(0, this.#entries.length - this.maxEntries);
    this.#counts.set(entry.endpoint, (this.#counts.get(entry.endpoint) ?? 0) + 1);
  }

  get entries(): readonly RequestLogEntry[] {
    return this.#entries;
  }

  /** Requests per endpoint pattern since start or the last reset. */
  counts(): Record<string, number> {
    return Object.fromEntries([...this.#counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Number of requests since start or the last reset. */
  total(): number {
    let sum = 0;
    for (const n of this.#counts.values()) sum += n;
    return sum;
  }

  /** Forgets entries and counts. */
  reset(): void {
    this.#entries.length = 0;
    this.#counts.clear();
  }
}
