/**
 * Statement parameters: `?` markers take an array (in order), `@name` markers an object keyed by
 * name (with or without the `@`, case-insensitive). Values are bound as values, never as SQL text.
 */
import { IgsqlError } from '../errors.js';
import type { SqlValue } from '../schema/types.js';
import type { ParameterInfo } from './ast.js';

/** What a caller may pass: an array for `?`, an object for `@name`. */
export type Params = readonly unknown[] | Readonly<Record<string, unknown>>;

export interface BoundParams {
  get(name: string | undefined, index: number): SqlValue;
}

function usage(message: string): IgsqlError {
  return new IgsqlError('usage', message);
}

/** A parameter value as an SQL value; an error for values SQL cannot hold. */
export function toSqlValue(v: unknown, label: string): SqlValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw usage(`${label} is ${v}; SQL numbers must be finite`);
    return v;
  }
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw usage(`${label} is an invalid Date`);
    return v;
  }
  if (v === undefined) throw usage(`${label} is undefined; pass null for SQL NULL`);
  if (Array.isArray(v) || (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)) return v as SqlValue;
  throw usage(`${label} has an unsupported type (${typeof v}); use a string, number, boolean, Date, null or a plain object/array (JSON)`);
}

export function bindParams(info: ParameterInfo, params: Params | undefined): BoundParams {
  const none = info.positional === 0 && info.named.length === 0;
  if (none) {
    const empty = params === undefined || (Array.isArray(params) ? params.length === 0 : Object.keys(params).length === 0);
    if (!empty) throw usage('The statement has no parameters (? or @name), but parameters were given');
    return { get: () => null };
  }
  if (info.positional > 0) {
    if (!Array.isArray(params)) {
      throw usage(`The statement has ${info.positional} positional parameter(s) (?): pass their values as an array`);
    }
    if (params.length !== info.positional) {
      throw usage(`The statement has ${info.positional} parameter(s) (?) but ${params.length} value(s) were given`);
    }
    const values = params.map((v, i) => toSqlValue(v, `parameter ${i + 1}`));
    return { get: (_name, index) => values[index]! };
  }
  if (params === undefined || Array.isArray(params) || typeof params !== 'object') {
    throw usage(`The statement has named parameters (${info.named.map((n) => `@${n}`).join(', ')}): pass an object such as { ${info.named[0]}: ... }`);
  }
  const given = new Map<string, { key: string; value: unknown }>();
  for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
    given.set(key.replace(/^[@:]/, '').toLowerCase(), { key, value });
  }
  const missing = info.named.filter((n) => !given.has(n.toLowerCase()));
  if (missing.length > 0) throw usage(`Missing value for parameter ${missing.map((n) => `@${n}`).join(', ')}`);
  const wanted = new Set(info.named.map((n) => n.toLowerCase()));
  const extra = [...given.values()].filter((g) => !wanted.has(g.key.replace(/^[@:]/, '').toLowerCase())).map((g) => g.key);
  if (extra.length > 0) {
    throw usage(`Unknown parameter ${extra.join(', ')}; the statement uses ${info.named.map((n) => `@${n}`).join(', ')}`);
  }
  const values = new Map<string, SqlValue>();
  for (const n of info.named) values.set(n.toLowerCase(), toSqlValue(given.get(n.toLowerCase())!.value, `parameter @${n}`));
  return { get: (name) => values.get((name ?? '').toLowerCase()) ?? null };
}
