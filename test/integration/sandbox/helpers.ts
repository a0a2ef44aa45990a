/** Helpers for the sandbox integration tests: HTTP calls and recorded-response shape comparison. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Sandbox } from '../../../src/sandbox/index.js';

export interface GraphReply {
  status: number;
  headers: Headers;
  body: any;
}

export async function call(sb: Sandbox, path: string, options: { token?: string | null; method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<GraphReply> {
  const token = options.token === undefined ? sb.tokens.longLivedUser : options.token;
  const sep = path.includes('?') ? '&' : '?';
  const url = token === null ? `${sb.url}${path}` : `${sb.url}${path}${sep}access_token=${encodeURIComponent(token)}`;
  const init: RequestInit = { method: options.method ?? 'GET', headers: options.headers ?? {} };
  if (options.body !== undefined) init.body = options.body;
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/** GET that must succeed. */
export async function get(sb: Sandbox, path: string, token?: string): Promise<any> {
  const reply = await call(sb, path, { token });
  assert.equal(reply.status, 200, `${path} → ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** Follows an absolute paging URL. */
export async function follow(url: string): Promise<any> {
  const response = await fetch(url);
  const body = await response.json();
  assert.equal(response.status, 200, `${url} → ${JSON.stringify(body)}`);
  return body;
}

export function recorded(path: string): any {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../../fixtures/recorded/${path}`, import.meta.url)), 'utf8'));
}

// ---- shapes: the union of keys and value types of a JSON value, arrays merged over their items ----

export type Shape =
  | { kind: 'string' | 'number' | 'boolean' | 'null' }
  | { kind: 'array'; item: Shape | undefined }
  | { kind: 'object'; keys: Map<string, Shape> };

export function shapeOf(value: unknown): Shape {
  if (value === null) return { kind: 'null' };
  if (Array.isArray(value)) return { kind: 'array', item: value.map(shapeOf).reduce<Shape | undefined>((a, b) => (a === undefined ? b : merge(a, b)), undefined) };
  if (typeof value === 'object') return { kind: 'object', keys: new Map(Object.entries(value).map(([k, v]) => [k, shapeOf(v)])) };
  return { kind: typeof value as 'string' | 'number' | 'boolean' };
}

export function merge(a: Shape, b: Shape): Shape {
  if (a.kind === 'object' && b.kind === 'object') {
    const keys = new Map(a.keys);
    for (const [k, v] of b.keys) keys.set(k, keys.has(k) ? merge(keys.get(k)!, v) : v);
    return { kind: 'object', keys };
  }
  if (a.kind === 'array' && b.kind === 'array') {
    return { kind: 'array', item: a.item === undefined ? b.item : b.item === undefined ? a.item : merge(a.item, b.item) };
  }
  assert.equal(a.kind, b.kind, 'one key holds values of different types');
  return a;
}

export function mergeAll(values: unknown[]): Shape {
  return values.map(shapeOf).reduce((a, b) => merge(a, b));
}

/** Same keys (recursively, paging blocks excluded) and same value types. */
export function assertSameShape(expected: Shape, actual: Shape, where = '$'): void {
  assert.equal(actual.kind, expected.kind, `${where}: ${actual.kind} instead of ${expected.kind}`);
  if (expected.kind === 'object' && actual.kind === 'object') {
    const want = [...expected.keys.keys()].filter((k) => k !== 'paging').sort();
    const got = [...actual.keys.keys()].filter((k) => k !== 'paging').sort();
    assert.deepEqual(got, want, `${where}: keys`);
    for (const key of want) assertSameShape(expected.keys.get(key)!, actual.keys.get(key)!, `${where}.${key}`);
  } else if (expected.kind === 'array' && actual.kind === 'array' && expected.item !== undefined) {
    assert.ok(actual.item !== undefined, `${where}: empty array`);
    assertSameShape(expected.item, actual.item, `${where}[]`);
  }
}

/** A `fields` expression that asks for exactly the keys of a recorded item shape. */
export function fieldsFor(shape: Shape): string {
  assert.equal(shape.kind, 'object');
  if (shape.kind !== 'object') return '';
  return [...shape.keys.entries()].filter(([k]) => k !== 'paging').map(([key, value]) => {
    const data = value.kind === 'object' ? value.keys.get('data') : undefined;
    if (data?.kind === 'array' && data.item !== undefined) return `${key}{${fieldsFor(data.item)}}`;
    return key;
  }).join(',');
}

function queryNames(url: string): string[] {
  return [...new URL(url).searchParams.keys()];
}

/**
 * The paging block has the recorded structure: next/previous present or absent alike, cursors a
 * superset of the recorded ones (within before/after), URLs absolute on the sandbox with the same
 * query parameter names in the same order.
 */
export function assertPagingLike(recordedPaging: any, actualPaging: any, sb: Sandbox, where: string): void {
  if (recordedPaging === undefined) {
    assert.ok(actualPaging === undefined || actualPaging.next === undefined, `${where}: a page without paging must not have next`);
    return;
  }
  assert.ok(actualPaging !== undefined, `${where}: paging missing`);
  for (const key of Object.keys(actualPaging)) assert.ok(['cursors', 'next', 'previous'].includes(key), `${where}: unexpected paging.${key}`);
  for (const link of ['next', 'previous'] as const) {
    assert.equal(actualPaging[link] === undefined, recordedPaging[link] === undefined, `${where}: paging.${link} presence`);
    if (recordedPaging[link] !== undefined) {
      assert.ok(actualPaging[link].startsWith(`${sb.url}/v`), `${where}: ${link} is absolute on the sandbox`);
      assert.deepEqual(queryNames(actualPaging[link]), queryNames(recordedPaging[link]), `${where}: ${link} query parameters`);
    }
  }
  if (recordedPaging.cursors !== undefined) {
    for (const key of Object.keys(recordedPaging.cursors)) assert.equal(typeof actualPaging.cursors?.[key], 'string', `${where}: cursors.${key}`);
    for (const key of Object.keys(actualPaging.cursors)) assert.ok(['before', 'after'].includes(key));
  }
}
