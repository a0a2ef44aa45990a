/**
 * What a request produces. Handlers usually return a plain JSON value (sent as 200); they return a
 * {@link GraphResponse} (built with `reply.json/html/redirect`) when they need a status, headers or
 * a non-JSON body. Middleware sees and may change the GraphResponse; `send` lets stage 2's fault
 * injection take over the socket (reset mid-body, slow body).
 */
import type { ServerResponse } from 'node:http';

const BRAND: unique symbol = Symbol('igsql.sandbox.GraphResponse');

export interface GraphResponse {
  readonly [BRAND]: true;
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The JSON value behind `body`, when it is JSON (for batch items and tests). */
  json: unknown;
  /** Replaces the normal write of status, headers and body to the socket. */
  send?: (res: ServerResponse, body: Buffer) => void;
}

/** One request, as the HTTP server (or a batch item) hands it to `app.dispatch`. */
export interface DispatchInit {
  method: string;
  /** Path and query, e.g. `/v25.0/me?fields=id`. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: string | Buffer;
  /** For the request log: `http` for the server, `internal` (default) otherwise, e.g. `batch`. */
  source?: string;
}

export const JSON_CONTENT_TYPE = 'application/json; charset=UTF-8';

export function isGraphResponse(value: unknown): value is GraphResponse {
  return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}

const NON_ASCII = /[\u0080-\uffff]/;
const HEX = Buffer.from('0123456789abcdef', 'latin1');
/** Output bytes of non-ASCII answers, reused: the escaping is synchronous. */
let scratch = Buffer.allocUnsafe(1 << 16);

/**
 * JSON as the Graph API writes it (PHP's json_encode defaults): ASCII only, every other character
 * as a lower-case `\uXXXX` escape (astral ones as their surrogate pair), and `/` as `\/`. A raw
 * recorded answer shows both ("\u7f51\u7ad9", "https:\/\/scontent…": reference/recorded/base/
 * object_data.json; restfb/restfb#94). Same JSON value, different bytes: a client must not
 * assume raw UTF-8 or unescaped URLs.
 */
export function graphJson(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? text : asciiEscaped(text);
}

/**
 * `text` with `/` and every non-ASCII UTF-16 unit escaped. ASCII text (every batch envelope, most
 * answers) takes a native replace; the rest one pass over the units into bytes, several times
 * faster than a global regex replace and with a flat result (a batch re-encodes each body).
 */
function asciiEscaped(text: string): string {
  if (!NON_ASCII.test(text)) return text.includes('/') ? text.replaceAll('/', '\\/') : text;
  if (scratch.length < text.length * 6) scratch = Buffer.allocUnsafe(text.length * 6);
  const out = scratch;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x2f) out[o++] = 0x5c;
      out[o++] = c;
    } else {
      out[o++] = 0x5c;
      out[o++] = 0x75;
      out[o++] = HEX[c >> 12]!;
      out[o++] = HEX[(c >> 8) & 15]!;
      out[o++] = HEX[(c >> 4) & 15]!;
      out[o++] = HEX[c & 15]!;
    }
  }
  return out.toString('latin1', 0, o);
}

/** A body's bytes: UTF-8, copied straight when it is ASCII (every JSON answer), which is faster. */
export function bodyBytes(body: string): Buffer {
  return Buffer.from(body, NON_ASCII.test(body) ? 'utf8' : 'latin1');
}

export const reply = {
  json(value: unknown, status = 200, headers: Record<string, string> = {}): GraphResponse {
    return { [BRAND]: true, status, headers: { 'Content-Type': JSON_CONTENT_TYPE, ...headers }, body: graphJson(value), json: value };
  },
  html(text: string, status = 200, headers: Record<string, string> = {}): GraphResponse {
    return { [BRAND]: true, status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers }, body: text, json: undefined };
  },
  text(text: string, status = 200, headers: Record<string, string> = {}): GraphResponse {
    return { [BRAND]: true, status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers }, body: text, json: undefined };
  },
  redirect(location: string, status = 302): GraphResponse {
    return { [BRAND]: true, status, headers: { Location: location, 'Content-Type': 'text/html; charset=utf-8' }, body: '', json: undefined };
  },
};
