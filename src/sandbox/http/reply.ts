/**
 * What a request produces. Handlers usually return a plain JSON value (sent as 200); they return a
 * {@link GraphResponse} (built with `reply.json/html/redirect`) when they need a status, headers or
 * a non-JSON body. Middleware sees and may change the GraphResponse; `send` lets stage 2's fault
 * injection take over the socket (reset mid-body, slow body).
 */
import type { ServerResponse } from 'node:http';
import { graphJsonBytes } from './graph-json.js';

const BRAND: unique symbol = Symbol('igsql.sandbox.GraphResponse');

export interface GraphResponse {
  readonly [BRAND]: true;
  status: number;
  headers: Record<string, string>;
  /** JSON answers: their bytes (ASCII, see graphJson). HTML and text: the text. */
  body: string | Buffer;
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

export const reply = {
  json(value: unknown, status = 200, headers: Record<string, string> = {}): GraphResponse {
    return { [BRAND]: true, status, headers: { 'Content-Type': JSON_CONTENT_TYPE, ...headers }, body: graphJsonBytes(value), json: value };
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
