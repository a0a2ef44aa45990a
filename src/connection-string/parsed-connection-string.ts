import type { SourcePosition } from '../errors.js';
import { buildConnectionString } from './build.js';
import { isSensitiveName } from './lookup.js';
import { INSPECT, MASK, maskSecret } from './secrets.js';
import type { InspectFunction } from './secrets.js';

/** How a value was written: bare, in '...', in "..." or in ODBC braces {...}. */
export type ValueQuoting = 'none' | 'single' | 'double' | 'braces';

/** One key=value pair of a connection string. */
export interface ConnectionStringPair {
  /** The key as written: trimmed, `==` read as `=`. */
  readonly key: string;
  /** The value: unquoted values trimmed, quoted ones unescaped. Not enumerable for secrets. */
  readonly value: string;
  readonly quoting: ValueQuoting;
  /** Where the key starts. */
  readonly keyAt: SourcePosition;
  /** Where the value starts (its opening quote or brace, if any). */
  readonly valueAt: SourcePosition;
  /**
   * Set on a pair with an unknown key that comes after a secret (before any known property): the
   * key of that secret. The pair may be a piece of the secret cut off at a `;` or a quote, so its
   * key and value are never shown (they are not enumerable, and renderings hide them).
   */
  readonly followsSecret?: string;
}

/**
 * The pairs of a connection string: one per key (keys compared ignoring case; the last occurrence
 * wins), in the order of those last occurrences. Secrets are masked in toString, JSON and inspect.
 */
export class ParsedConnectionString {
  readonly pairs: readonly ConnectionStringPair[];
  /** The JDBC prefix as written (`jdbc:instagram:` or `jdbc:cdata:instagram:`), or ''. */
  readonly prefix: string;

  constructor(pairs: readonly ConnectionStringPair[], prefix = '') {
    this.pairs = Object.freeze(pairs.map(protectPair));
    this.prefix = prefix;
  }

  /** The value of `key` (ignoring case), or undefined. */
  get(key: string): string | undefined {
    const wanted = key.toLowerCase();
    return this.pairs.find((pair) => pair.key.toLowerCase() === wanted)?.value;
  }

  /** key → value, keys as written. Contains secrets in clear: for code, never for output. */
  toRecord(): Record<string, string> {
    return Object.fromEntries(this.pairs.map((pair) => [pair.key, pair.value]));
  }

  /** The pairs as a connection string with secrets masked (no prefix). */
  toString(): string {
    return buildConnectionString(Object.entries(this.toJSON()));
  }

  /** key → value with secrets masked; a pair that may be a piece of a secret becomes `****<n>` → `****`. */
  toJSON(): Record<string, string> {
    let hidden = 0;
    return Object.fromEntries(
      this.pairs.map((pair) => {
        if (pair.followsSecret !== undefined) return [`${MASK}${++hidden}`, MASK];
        return [pair.key, isSensitiveName(pair.key) ? maskSecret(pair.value) : pair.value];
      }),
    );
  }

  [INSPECT](_depth: number, options: unknown, inspect: InspectFunction): string {
    return `ParsedConnectionString ${inspect(this.toJSON(), options)}`;
  }
}

/**
 * A frozen copy of the pair whose `value` is not enumerable when the key names a secret, and whose
 * key and value are not enumerable when it may be a piece of one.
 */
function protectPair(pair: ConnectionStringPair): ConnectionStringPair {
  const copy = { ...pair };
  const suspect = pair.followsSecret !== undefined;
  if (suspect || isSensitiveName(pair.key)) Object.defineProperty(copy, 'value', { enumerable: false });
  if (suspect) Object.defineProperty(copy, 'key', { enumerable: false });
  return Object.freeze(copy);
}
