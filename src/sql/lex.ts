/**
 * A small SQL tokenizer over the original text. It serves the statement forms node-sql-parser does
 * not know (EXEC, CALL, EXPLAIN), the rewrite that feeds node-sql-parser (parse-rewrite.ts) and
 * error positions. Comments and whitespace are skipped.
 */
import { IgsqlError, positionOf } from '../errors.js';

export type TokenType = 'word' | 'quoted' | 'string' | 'number' | 'param' | 'op';

export interface Token {
  readonly type: TokenType;
  /** The raw text. */
  readonly text: string;
  /** word: the text; quoted: the identifier; string: the unescaped value; param: the name (undefined for `?`). */
  readonly value: string | undefined;
  readonly start: number;
  readonly end: number;
}

const TWO_CHAR_OPS = new Set(['<>', '!=', '<=', '>=', '||', '==', '<<', '>>', '::', '->']);
const ONE_CHAR_OPS = '=<>+-*/%(),.;^~&|!{}';

function isWordStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 0x80;
}
function isWordPart(c: number): boolean {
  return isWordStart(c) || (c >= 48 && c <= 57) || c === 36;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) {
      i++;
      continue;
    }
    if (c === 45 && sql.charCodeAt(i + 1) === 45) {
      const eol = sql.indexOf('\n', i);
      i = eol === -1 ? n : eol + 1;
      continue;
    }
    if (c === 47 && sql.charCodeAt(i + 1) === 42) {
      const close = sql.indexOf('*/', i + 2);
      if (close === -1) throw syntaxError(sql, i, 'unterminated /* comment');
      i = close + 2;
      continue;
    }
    const start = i;
    if (c === 39) {
      const { value, end } = readQuoted(sql, i, "'", 'string literal');
      tokens.push({ type: 'string', text: sql.slice(start, end), value, start, end });
      i = end;
    } else if (c === 34 || c === 96) {
      const q = c === 34 ? '"' : '`';
      const { value, end } = readQuoted(sql, i, q, 'quoted identifier');
      tokens.push({ type: 'quoted', text: sql.slice(start, end), value, start, end });
      i = end;
    } else if (c === 91) {
      const close = sql.indexOf(']', i + 1);
      if (close === -1) throw syntaxError(sql, i, 'unterminated [identifier]');
      tokens.push({ type: 'quoted', text: sql.slice(start, close + 1), value: sql.slice(i + 1, close), start, end: close + 1 });
      i = close + 1;
    } else if (isDigit(c) || (c === 46 && isDigit(sql.charCodeAt(i + 1)))) {
      i = readNumber(sql, i);
      if (i < n && isWordStart(sql.charCodeAt(i))) throw syntaxError(sql, start, `bad number "${sql.slice(start, i + 1)}"`);
      tokens.push({ type: 'number', text: sql.slice(start, i), value: sql.slice(start, i), start, end: i });
    } else if (isWordStart(c)) {
      while (i < n && isWordPart(sql.charCodeAt(i))) i++;
      const text = sql.slice(start, i);
      tokens.push({ type: 'word', text, value: text, start, end: i });
    } else if (c === 63) {
      tokens.push({ type: 'param', text: '?', value: undefined, start, end: i + 1 });
      i++;
    } else if ((c === 64 || c === 58) && i + 1 < n && isWordStart(sql.charCodeAt(i + 1))) {
      i++;
      while (i < n && isWordPart(sql.charCodeAt(i))) i++;
      tokens.push({ type: 'param', text: sql.slice(start, i), value: sql.slice(start + 1, i), start, end: i });
    } else {
      const two = sql.slice(i, i + 2);
      if (TWO_CHAR_OPS.has(two)) {
        tokens.push({ type: 'op', text: two, value: two, start, end: i + 2 });
        i += 2;
      } else if (ONE_CHAR_OPS.includes(sql[i]!)) {
        tokens.push({ type: 'op', text: sql[i]!, value: sql[i]!, start, end: i + 1 });
        i++;
      } else {
        throw syntaxError(sql, i, `unexpected character "${sql[i]}"`);
      }
    }
  }
  return tokens;
}

function readQuoted(sql: string, start: number, quote: string, what: string): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  for (;;) {
    const close = sql.indexOf(quote, i);
    if (close === -1) throw syntaxError(sql, start, `unterminated ${what}`);
    value += sql.slice(i, close);
    if (sql[close + 1] === quote) {
      value += quote;
      i = close + 2;
    } else {
      return { value, end: close + 1 };
    }
  }
}

function readNumber(sql: string, start: number): number {
  let i = start;
  while (isDigit(sql.charCodeAt(i))) i++;
  if (sql.charCodeAt(i) === 46) {
    i++;
    while (isDigit(sql.charCodeAt(i))) i++;
  }
  const e = sql.charCodeAt(i);
  if (e === 101 || e === 69) {
    let j = i + 1;
    if (sql[j] === '+' || sql[j] === '-') j++;
    if (isDigit(sql.charCodeAt(j))) {
      while (isDigit(sql.charCodeAt(j))) j++;
      i = j;
    }
  }
  return i;
}

/** True when the token is the (case-insensitive) keyword. */
export function isWord(token: Token | undefined, word: string): boolean {
  return token !== undefined && token.type === 'word' && token.text.toUpperCase() === word;
}

/** A `sql-parse` error located at `offset`, with a one-line excerpt and a caret. */
export function syntaxError(sql: string, offset: number, message: string): IgsqlError {
  const pos = positionOf(sql, offset);
  return new IgsqlError('sql-parse', `SQL syntax error at line ${pos.line}, column ${pos.column}: ${message}\n${excerpt(sql, offset)}`, {
    details: { line: pos.line, column: pos.column, offset },
  });
}

/** The line around `offset` (at most ~70 characters) and a caret under the offset. */
export function excerpt(sql: string, offset: number): string {
  const lineStart = sql.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = sql.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = sql.length;
  let from = lineStart;
  let to = lineEnd;
  if (offset - from > 40) from = offset - 40;
  if (to - offset > 30) to = offset + 30;
  const text = sql.slice(from, to).replace(/\t/g, ' ').replace(/\r/g, '');
  return `  ${from > lineStart ? '…' : ''}${text}${to < lineEnd ? '…' : ''}\n  ${' '.repeat(offset - from + (from > lineStart ? 1 : 0))}^`;
}
