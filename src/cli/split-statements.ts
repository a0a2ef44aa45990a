/**
 * Splits SQL text into statements at `;` outside strings, quoted identifiers and comments, so a
 * file or a prompt can hold several. Each statement keeps its place in the text: it is returned
 * preceded by the newlines and spaces before it, so the engine's "line L, column C" points into
 * the whole text.
 */

export interface SplitStatement {
  /** The statement, padded to its position in the text (without the `;`). */
  readonly sql: string;
  /** 1-based line of its first character. */
  readonly line: number;
  /** It holds `?` or `@name` parameter markers. */
  readonly hasParams: boolean;
  /** It holds `@name` (or `:name`) markers. */
  readonly named?: boolean;
}

export interface SplitResult {
  readonly statements: SplitStatement[];
  /** Text after the last `;` that is not only space and comments. */
  readonly rest: string;
  /** The text ends inside a string, quoted identifier or block comment. */
  readonly open: boolean;
}

const CLOSERS: Readonly<Record<string, string>> = { "'": "'", '"': '"', '`': '`', '[': ']' };

export function scanStatements(text: string): SplitResult {
  const statements: SplitStatement[] = [];
  let start = 0;
  let meaningful = false;
  let hasParams = false;
  let named = false;
  let i = 0;
  const n = text.length;
  const finish = (end: number): void => {
    if (meaningful) {
      const before = text.slice(0, start);
      const line = before.split('\n').length;
      const column = start - (before.lastIndexOf('\n') + 1);
      statements.push({ sql: '\n'.repeat(line - 1) + ' '.repeat(column) + text.slice(start, end), line, hasParams, ...(named ? { named } : {}) });
    }
    meaningful = false;
    hasParams = false;
    named = false;
  };
  while (i < n) {
    const c = text[i]!;
    if (c === '-' && text[i + 1] === '-') {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? n : eol + 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close === -1) return { statements, rest: text.slice(meaningful ? start : i), open: true };
      i = close + 2;
      continue;
    }
    if (!meaningful && /\s/.test(c) === false && c !== ';') {
      meaningful = true;
      start = i;
    }
    if (c in CLOSERS) {
      const close = text.indexOf(CLOSERS[c]!, i + 1);
      if (close === -1) return { statements, rest: text.slice(start), open: true };
      i = close + 1; // a doubled quote reads as two quoted pieces side by side: same split
      continue;
    }
    if (c === ':' && text[i + 1] === ':') {
      i += 2; // a :: cast, not a :name parameter
      continue;
    }
    if (c === '?') hasParams = true;
    if ((c === '@' || c === ':') && /[A-Za-z_]/.test(text[i + 1] ?? '')) hasParams = named = true;
    if (c === ';') finish(i);
    i++;
  }
  const rest = meaningful ? text.slice(start) : '';
  finish(n);
  return { statements, rest, open: false };
}

/** Every statement of a text (the last one needs no `;`). */
export function splitStatements(text: string): SplitStatement[] {
  return scanStatements(text).statements;
}
