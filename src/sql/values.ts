/**
 * Value semantics shared by expressions, operators and pushdown: static types, coercions,
 * comparison (with the coercions a user expects) and the total order used by ORDER BY.
 *
 * - number vs number: numeric; string vs string: binary (code point) order, like SQLite.
 * - number vs string: the string as a number when it is one (`LikeCount > '10'`); otherwise the
 *   number sorts first (SQLite's rule).
 * - Datetime vs string: the string is read as an ISO 8601 instant (`Timestamp >= '2026-01-01'`);
 *   a string that is not a date is an `execution` error.
 * - Boolean vs number: TRUE is 1, FALSE is 0. Boolean vs string: 'true'/'false'/'1'/'0'.
 */
import { IgsqlError } from '../errors.js';
import type { ColumnType, SqlValue } from '../schema/types.js';

/** A column type, `Null` (the NULL literal) or `Any` (not known until run time). */
export type StaticType = ColumnType | 'Null' | 'Any';

export function typeOfValue(v: SqlValue): StaticType {
  if (v === null) return 'Null';
  switch (typeof v) {
    case 'string':
      return 'String';
    case 'number':
      return Number.isInteger(v) ? 'Integer' : 'Double';
    case 'boolean':
      return 'Boolean';
    default:
      return v instanceof Date ? 'Datetime' : 'Json';
  }
}

export function isNumericType(t: StaticType): boolean {
  return t === 'Integer' || t === 'Double';
}

const NUMERIC = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** The number a string spells, or undefined. */
export function parseNumber(s: string): number | undefined {
  return NUMERIC.test(s) ? Number(s) : undefined;
}

const DATETIME = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?\s*$/i;

/** An ISO 8601 date or date-time (UTC unless an offset is given), or undefined. */
export function parseDatetime(s: string): Date | undefined {
  const m = DATETIME.exec(s);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000 + 1e-6);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  let time = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const zone = m[8];
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const sign = digits[0] === '-' ? -1 : 1;
    const hh = Number(digits.slice(1, 3));
    const mm = Number(digits.slice(3, 5) || '0');
    time -= sign * (hh * 60 + mm) * 60_000;
  }
  return new Date(time);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function execError(message: string): IgsqlError {
  return new IgsqlError('execution', message);
}

export function describeValue(v: SqlValue): string {
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v) ?? String(v);
}

/** The value as a Datetime, or an `execution` error naming `what`. */
export function toDatetime(v: Exclude<SqlValue, null>, what: string): Date {
  if (v instanceof Date) return v;
  if (typeof v === 'string') {
    const d = parseDatetime(v);
    if (d) return d;
    throw execError(`${what}: ${describeValue(v)} is not a date/time; write ISO 8601 like '2026-01-31' or '2026-01-31T12:00:00Z'`);
  }
  if (typeof v === 'number') return new Date(v * 1000);
  throw execError(`${what}: ${describeValue(v)} is not a date/time`);
}

/** The value as a number, or an `execution` error naming `what`. */
export function toNumber(v: Exclude<SqlValue, null>, what: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const n = parseNumber(v);
    if (n !== undefined) return n;
  }
  throw execError(`${what}: ${describeValue(v)} is not a number`);
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 't', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'f', 'off']);

export function toBoolean(v: Exclude<SqlValue, null>, what: string): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const w = v.trim().toLowerCase();
    if (TRUE_WORDS.has(w)) return true;
    if (FALSE_WORDS.has(w)) return false;
  }
  throw execError(`${what}: ${describeValue(v)} is not a boolean (use TRUE/FALSE, 1/0 or 'true'/'false')`);
}

/** Text form: numbers as decimal (a Double that is whole gets `.0` when `type` says Double), dates ISO 8601. */
export function toText(v: Exclude<SqlValue, null>, type?: StaticType): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (type === 'Double' && Number.isInteger(v) && Math.abs(v) < 1e15) return `${v}.0`;
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}

/** Binary string order by code point (SQLite's BINARY collation on UTF-8). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      // surrogates (astral code points) sort after U+E000..U+FFFF
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x < y ? -1 : 1;
    }
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

/** SQL comparison with coercion; null when either side is NULL. */
export function compareValues(a: SqlValue, b: SqlValue): number | null {
  if (a === null || b === null) return null;
  const ta = typeof a;
  const tb = typeof b;
  if (ta === 'number' && tb === 'number') return sign((a as number) - (b as number));
  if (ta === 'string' && tb === 'string') return compareStrings(a as string, b as string);
  if (a instanceof Date || b instanceof Date) {
    if (a instanceof Date && b instanceof Date) return sign(a.getTime() - b.getTime());
    const other = a instanceof Date ? b : a;
    if (typeof other !== 'string') throw execError(`cannot compare a date/time with ${describeValue(other)}`);
    const x = toDatetime(a, 'comparison').getTime();
    const y = toDatetime(b, 'comparison').getTime();
    return sign(x - y);
  }
  if (ta === 'boolean' || tb === 'boolean') {
    if (ta === 'string' || tb === 'string') return sign(Number(toBoolean(a, 'comparison')) - Number(toBoolean(b, 'comparison')));
    if ((ta === 'boolean' || ta === 'number') && (tb === 'boolean' || tb === 'number')) return sign(Number(a) - Number(b));
  }
  if (ta === 'number' && tb === 'string') {
    const n = parseNumber(b as string);
    return n === undefined ? -1 : sign((a as number) - n);
  }
  if (ta === 'string' && tb === 'number') {
    const n = parseNumber(a as string);
    return n === undefined ? 1 : sign(n - (b as number));
  }
  return compareStrings(toText(a), toText(b));
}

const RANK_NULL = 0;
function rank(v: SqlValue): number {
  if (v === null) return RANK_NULL;
  if (typeof v === 'number' || typeof v === 'boolean') return 1;
  if (v instanceof Date) return 2;
  if (typeof v === 'string') return 3;
  return 4;
}

/** Total order for ORDER BY, MIN/MAX and DISTINCT: NULL < numbers < dates < strings < JSON. */
export function compareForOrder(a: SqlValue, b: SqlValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (ra === RANK_NULL) return 0;
  if (ra === 1) return sign(Number(a) - Number(b));
  if (ra === 2) return sign((a as Date).getTime() - (b as Date).getTime());
  return compareStrings(toText(a!), toText(b!));
}

/**
 * A key under which equal values (for GROUP BY, DISTINCT, UNION, IN sets and hash joins) meet:
 * numbers and booleans by numeric value, dates by instant, JSON by its text.
 */
export function valueKey(v: SqlValue): string | number | null {
  if (v === null || typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return `\u0000d${v.getTime()}`;
  return `\u0000j${JSON.stringify(v)}`;
}

/** A key for several values at once. */
export function rowKey(values: readonly SqlValue[]): string {
  let key = '';
  for (const v of values) {
    const k = valueKey(v);
    key += k === null ? '\u0001n' : typeof k === 'number' ? `\u0001#${k}` : `\u0001s${k.length}:${k}`;
  }
  return key;
}
