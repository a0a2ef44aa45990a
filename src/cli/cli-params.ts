/**
 * `-p` / `--param` values. `-p 1 -p x` bind `?` markers in order; `-p name=value` binds `@name`
 * (the two kinds cannot be mixed). Values are typed as a user expects: `null`, `true` / `false`,
 * numbers (integers only while exact: a 17-digit Graph id stays a string), and anything else a
 * string; `'...'` (SQL quoting, `''` for a quote) forces a string: `-p "'42'"`, `-p "'a=b'"`.
 */
import { IgsqlError } from '../errors.js';
import type { Params } from '../sql/engine.js';

const NAMED = /^@?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

export function paramValue(text: string): string | number | boolean | null {
  const quoted = /^'(.*)'$/s.exec(text);
  if (quoted) return quoted[1]!.replace(/''/g, "'");
  const lower = text.toLowerCase();
  if (lower === 'null') return null;
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (/^-?(0|[1-9]\d*)$/.test(text)) {
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : text;
  }
  if (/^-?(0|[1-9]\d*)?\.\d+([eE][+-]?\d+)?$|^-?(0|[1-9]\d*)[eE][+-]?\d+$/.test(text)) return Number(text);
  return text;
}

/** The parameters of `-p` values: undefined when none, an array for `?`, an object for `@name`. */
export function cliParams(values: readonly string[]): Params | undefined {
  if (values.length === 0) return undefined;
  const named = values.map((v) => (/^'/.test(v) ? null : NAMED.exec(v)));
  if (named.every((m) => m !== null)) {
    const params: Record<string, unknown> = {};
    for (const m of named) {
      const key = m![1]!;
      if (Object.keys(params).some((k) => k.toLowerCase() === key.toLowerCase())) {
        throw new IgsqlError('usage', `-p ${key}=... is given twice; give each named parameter once.`);
      }
      params[key] = paramValue(m![2]!);
    }
    return params;
  }
  if (named.some((m) => m !== null)) {
    throw new IgsqlError('usage', "-p values mix name=value (for @name) and plain values (for ?); use one kind. Quote a plain value that contains '=' as -p \"'a=b'\".");
  }
  return values.map(paramValue);
}
