import { type ValueSchema, checked, schema } from './value-schema.js';

/**
 * The value types of connection properties. Each type coerces the raw text of a (non-empty) value
 * with a schema whose messages say what would be valid, and renders a typed value back.
 */
export type PropertyKind = 'string' | 'integer' | 'boolean' | 'enum' | 'size' | 'url' | 'list' | 'version';

export interface PropertyType<T> {
  readonly kind: PropertyKind;
  /** Short human text for docs: "integer 1–65535", "OFF, GETANDREFRESH, REFRESH". */
  readonly label: string;
  /** The allowed values of an enum, canonical spelling; empty for other kinds. */
  readonly allowed: readonly string[];
  /** Coerces and checks the raw text of a non-empty value. */
  readonly schema: ValueSchema<T>;
  /** Renders a typed value as connection-string text; `schema` reads it back. */
  format(value: T): string;
}

export function text(): PropertyType<string> {
  return { kind: 'string', label: 'string', allowed: [], schema: schema((v) => v), format: (v) => v };
}

const WHOLE = /^[+-]?\d+$/;

/** A whole number in [min, max]; `extra` adds a rule such as "not 1". */
export function integer(
  min: number,
  max: number,
  extra?: { test: (n: number) => boolean; message: string; label: string },
): PropertyType<number> {
  const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
  const message = `expected a whole number ${range}`;
  return {
    kind: 'integer',
    label: extra?.label ?? (max === Number.MAX_SAFE_INTEGER ? `integer ≥ ${min}` : `integer ${min}–${max}`),
    allowed: [],
    schema: checked((raw) => {
      const v = raw.trim();
      if (!WHOLE.test(v)) return message;
      const n = Number(v);
      if (n < min || n > max) return message;
      if (extra && !extra.test(n)) return extra.message;
      return { value: n };
    }),
    format: String,
  };
}

const TRUE = ['true', 'yes', '1'];
const FALSE = ['false', 'no', '0'];

export function boolean(): PropertyType<boolean> {
  return {
    kind: 'boolean',
    label: 'boolean',
    allowed: [],
    schema: checked((raw) => {
      const v = raw.trim().toLowerCase();
      if (TRUE.includes(v)) return { value: true };
      return FALSE.includes(v) ? { value: false } : 'expected true or false (or yes/no, 1/0)';
    }),
    format: String,
  };
}

/** One of `values`, matched case-insensitively and returned in its canonical spelling. */
export function oneOf<const V extends readonly [string, ...string[]]>(values: V): PropertyType<V[number]> {
  const byLower = new Map(values.map((v) => [v.toLowerCase(), v]));
  return {
    kind: 'enum',
    label: values.join(', '),
    allowed: values,
    schema: checked((raw) => {
      const v = byLower.get(raw.trim().toLowerCase());
      return v === undefined ? `expected one of ${values.join(', ')}` : { value: v };
    }),
    format: (v) => v,
  };
}

const UNITS: Readonly<Record<string, number>> = { '': 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };
const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i;

/** A byte size: `100MB`, `512kB`, `1.5GB` or plain bytes (units are powers of 1024). */
export function size(min: number): PropertyType<number> {
  const message = 'expected a size such as 100MB, 512kB or a number of bytes';
  return {
    kind: 'size',
    label: `size ≥ ${formatSize(min)}`,
    allowed: [],
    schema: checked((raw) => {
      const match = SIZE.exec(raw.trim());
      if (!match) return message;
      const n = Math.round(Number(match[1]) * UNITS[(match[2] ?? '').toLowerCase()]!);
      if (n < min) return `must be at least ${formatSize(min)}`;
      return n > Number.MAX_SAFE_INTEGER ? message : { value: n };
    }),
    format: formatSize,
  };
}

export function formatSize(bytes: number): string {
  for (const [unit, factor] of [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['kB', 1024]] as const) {
    if (bytes >= factor && bytes % factor === 0) return `${bytes / factor}${unit}`;
  }
  return String(bytes);
}

/** An absolute http(s) URL without credentials; `base` also forbids ?query/#fragment and drops a trailing slash. */
export function url(options: { base: boolean }): PropertyType<string> {
  const message = options.base
    ? 'expected an http(s) URL without credentials, query or fragment, such as https://graph.facebook.com'
    : 'expected an http(s) URL without credentials, such as http://localhost:33333';
  return {
    kind: 'url',
    label: 'URL',
    allowed: [],
    schema: checked((raw) => {
      const v = raw.trim();
      if (!isAcceptableUrl(v, options.base)) return message;
      return { value: options.base ? v.replace(/\/+$/, '') : v };
    }),
    format: (v) => v,
  };
}

function isAcceptableUrl(value: string, base: boolean): boolean {
  if (!URL.canParse(value)) return false;
  const u = new URL(value);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  if (u.username !== '' || u.password !== '') return false;
  return !base || (u.search === '' && u.hash === '' && !value.includes('?') && !value.includes('#'));
}

/** Names separated by commas or semicolons; blanks dropped. */
export function list(): PropertyType<readonly string[]> {
  return {
    kind: 'list',
    label: 'list (comma-separated)',
    allowed: [],
    schema: schema((v) =>
      Object.freeze(
        v
          .split(/[,;]/)
          .map((item) => item.trim())
          .filter((item) => item !== ''),
      ),
    ),
    format: (v) => v.join(','),
  };
}

const VERSION = /^v?(\d{1,2})(?:\.0)?$/i;

/** A Graph API version, `vNN.0`; `v25`, `25.0` and `V25.0` are read as `v25.0`. */
export function version(): PropertyType<string> {
  return {
    kind: 'version',
    label: 'Graph API version (vNN.0)',
    allowed: [],
    schema: checked((raw) => {
      const match = VERSION.exec(raw.trim());
      return match ? { value: `v${Number(match[1])}.0` } : 'expected a Graph API version such as v25.0';
    }),
    format: (v) => v,
  };
}
