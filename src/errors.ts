/**
 * Every failure igsql reports is an {@link IgsqlError} with a stable `code`. Callers match on
 * `err.code`, never on the message. Messages name the bad thing and what would be valid, and never
 * contain a secret (tokens, app secret, passwords): code that builds a message from user input must
 * pass secrets through `maskSecret` first.
 */

/** The stable error codes. Add new ones at the end; never rename. */
export type ErrorCode =
  | 'config' // a connection string or property is wrong
  | 'usage' // the CLI or the library API was called the wrong way
  | 'auth' // no usable token, token expired and cannot be refreshed, OAuth flow failed
  | 'graph' // the Graph API answered with an error envelope
  | 'rate-limit' // the Graph API throttled us and waiting did not help (or was not allowed)
  | 'sql-parse' // SQL text does not parse
  | 'sql-plan' // SQL parses but names an unknown view/column, misses a required filter, ...
  | 'unsupported' // a valid SQL construct (or option value) that igsql does not implement
  | 'execution' // a runtime failure while evaluating a query (bad cast, division by zero, ...)
  | 'network' // connection refused/reset, DNS, socket errors
  | 'proxy' // an HTTP proxy or SOCKS firewall refused or failed
  | 'tls' // certificate verification or pinning failed
  | 'timeout' // a request or query ran past `Timeout`
  | 'cancelled' // the caller aborted
  | 'closed' // the connection was used after close()
  | 'internal'; // a bug in igsql: please report it

export interface IgsqlErrorOptions {
  cause?: unknown;
  /** Extra structured facts (never secrets), e.g. `{ property: 'Timeout' }`. */
  details?: Readonly<Record<string, unknown>>;
}

export class IgsqlError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: IgsqlErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'IgsqlError';
    this.code = code;
    this.details = Object.freeze({ ...(options.details ?? {}) });
  }

  /** True for any IgsqlError, even one created by another copy of this module. */
  static is(value: unknown): value is IgsqlError {
    return value instanceof Error && typeof (value as { code?: unknown }).code === 'string' && 'details' in value;
  }
}

/** A parse or validation failure located in some input text (connection string or SQL). */
export interface SourcePosition {
  /** 0-based character offset. */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

export function positionOf(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/** The Graph API error envelope, `{ error: { ... } }`, as the API sends it. */
export interface GraphErrorEnvelope {
  message: string;
  type?: string;
  code: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  is_transient?: boolean;
  fbtrace_id?: string;
}

/** The Graph API answered with an error. Carries the envelope's fields as typed properties. */
export class GraphApiError extends IgsqlError {
  readonly graphCode: number;
  readonly subcode: number | undefined;
  readonly type: string | undefined;
  readonly fbtraceId: string | undefined;
  readonly isTransient: boolean;
  readonly httpStatus: number;
  readonly userTitle: string | undefined;
  readonly userMessage: string | undefined;

  constructor(
    envelope: GraphErrorEnvelope,
    httpStatus: number,
    options: IgsqlErrorOptions & { code?: ErrorCode; context?: string } = {},
  ) {
    const where = options.context ? ` (${options.context})` : '';
    const sub = envelope.error_subcode === undefined ? '' : `, subcode ${envelope.error_subcode}`;
    const trace = envelope.fbtrace_id ? `, fbtrace_id ${envelope.fbtrace_id}` : '';
    super(
      options.code ?? 'graph',
      `Graph API error ${envelope.code}${sub}${where}: ${envelope.message} [HTTP ${httpStatus}${trace}]${adviceFor(envelope)}`,
      options,
    );
    this.name = 'GraphApiError';
    this.graphCode = envelope.code;
    this.subcode = envelope.error_subcode;
    this.type = envelope.type;
    this.fbtraceId = envelope.fbtrace_id;
    this.isTransient = envelope.is_transient === true;
    this.httpStatus = httpStatus;
    this.userTitle = envelope.error_user_title;
    this.userMessage = envelope.error_user_msg;
  }
}

/** The next step for Graph errors that a connection property fixes ('' for the others). */
function adviceFor(envelope: GraphErrorEnvelope): string {
  if (/require an appsecret_proof/i.test(envelope.message)) {
    return ' The app requires appsecret_proof ("Require App Secret" in its advanced settings): set AppSecretProof=true and OAuthClientSecret.';
  }
  if (/invalid appsecret_proof/i.test(envelope.message)) {
    return " The proof was made with the wrong secret: set OAuthClientSecret to the App Secret of the token's app (App settings → Basic).";
  }
  return '';
}

/** `did you mean` helper: the candidate closest to `input` by edit distance, if close enough. */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(needle, candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  const limit = Math.max(2, Math.floor(needle.length / 3));
  return bestDistance <= limit ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** ", did you mean X?" or "" — for messages about unknown names. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const suggestion = closest(input, candidates);
  return suggestion === undefined ? '' : ` Did you mean ${suggestion}?`;
}
