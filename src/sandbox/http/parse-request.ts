/**
 * Turns a raw request (method, url, headers, body) into what handlers read: the normalised path
 * (`//` collapsed, version prefix removed), the serving version, the merged parameters (query string,
 * then form or JSON body; the body wins) and the access token (`access_token` parameter, else
 * `Authorization: Bearer <t>` or `Authorization: OAuth <t>`).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { HttpMethod } from '../context.js';
import { graphError, invalidParameter } from '../graph-error.js';
import type { DispatchInit } from './reply.js';

export const OLDEST_VERSION = 21;
export const NEWEST_VERSION = 26;

export interface ParsedRequest {
  method: HttpMethod;
  path: string;
  segments: string[];
  version: string;
  versionNumber: number;
  versioned: boolean;
  params: Record<string, string>;
  paramOrder: string[];
  token: string | undefined;
  headers: IncomingHttpHeaders;
}

function header(headers: DispatchInit['headers'], name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function bodyParams(body: string, contentType: string): [string, string][] {
  if (body.trim() === '') return [];
  const json = contentType.includes('application/json') || (!contentType.includes('urlencoded') && /^\s*\{/.test(body));
  if (json) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw invalidParameter('The request body is not valid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw invalidParameter('A JSON request body must be an object of parameters');
    }
    return Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
  }
  if (contentType.includes('multipart/form-data')) return [];
  return [...new URLSearchParams(body)];
}

/** `v25.0` → 25; `v18.0` → 21 (expired versions are served by the oldest one); undefined if not a version. */
export function servingVersion(segment: string): number | 'unknown' | undefined {
  const match = /^v(\d+)\.(\d+)$/.exec(segment);
  if (match === null) return undefined;
  const major = Number(match[1]);
  if (match[2] !== '0' || major > NEWEST_VERSION) return 'unknown';
  return Math.max(OLDEST_VERSION, major);
}

/** A URL object for a request target, with repeated slashes collapsed (`//v25.0//me` → `/v25.0/me`). */
export function requestUrl(target: string): URL {
  const query = target.indexOf('?');
  const path = (query === -1 ? target : target.slice(0, query)).replace(/\/{2,}/g, '/');
  return new URL(`${path.startsWith('/') ? '' : '/'}${path}${query === -1 ? '' : target.slice(query)}`, 'http://sandbox.invalid');
}

export function parseRequest(init: DispatchInit, defaultVersion: number): ParsedRequest {
  const url = requestUrl(init.url);
  let segments = url.pathname.split('/').filter((s) => s !== '').map(decodeSegment);
  let versionNumber = defaultVersion;
  let versioned = false;
  const first = segments[0];
  const version = first === undefined ? undefined : servingVersion(first);
  if (version === 'unknown') {
    throw graphError({ code: 2500, message: `Unknown path components: /${segments.join('/')}` });
  }
  if (version !== undefined) {
    versionNumber = version;
    versioned = true;
    segments = segments.slice(1);
  }
  const params: Record<string, string> = {};
  const order: string[] = [];
  const add = ([key, value]: [string, string]): void => {
    if (!Object.hasOwn(params, key)) order.push(key);
    Object.defineProperty(params, key, { value, enumerable: true, writable: true, configurable: true });
  };
  for (const entry of url.searchParams) add(entry);
  const body = init.body === undefined ? '' : init.body.toString();
  for (const entry of bodyParams(body, (header(init.headers, 'content-type') ?? '').toLowerCase())) add(entry);

  let method = init.method.toUpperCase();
  const override = params['method']?.toUpperCase();
  if ((method === 'GET' || method === 'POST') && (override === 'GET' || override === 'POST' || override === 'DELETE')) {
    method = override;
    delete params['method'];
    order.splice(order.indexOf('method'), 1);
  }
  if (method !== 'GET' && method !== 'POST' && method !== 'DELETE') {
    throw graphError({ code: 100, message: `(#100) Unsupported method: ${method}. Use GET, POST or DELETE.` });
  }
  let token = params['access_token'];
  if (token === undefined) {
    const match = /^\s*(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(header(init.headers, 'authorization') ?? '');
    token = match?.[1];
  }
  const headers: IncomingHttpHeaders = {};
  for (const [k, v] of Object.entries(init.headers)) if (v !== undefined) headers[k.toLowerCase()] = v;
  return {
    method, path: `/${segments.join('/')}`, segments, version: `v${versionNumber}.0`, versionNumber, versioned,
    params, paramOrder: order, token, headers,
  };
}
