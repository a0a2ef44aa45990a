import { IgsqlError, positionOf } from '../errors.js';
import { findProperty, isSensitiveName } from './lookup.js';
import { ParsedConnectionString } from './parsed-connection-string.js';
import type { ConnectionStringPair, ValueQuoting } from './parsed-connection-string.js';
import { describePosition, excerpt, followsSecretHint, problemsError } from './problems.js';
import type { ConnectionStringProblem } from './problems.js';
import { jdbcPrefixAt, skipSpace } from './syntax.js';

export { buildConnectionString } from './build.js';
export type { ConnectionStringEntries } from './build.js';
export { ParsedConnectionString } from './parsed-connection-string.js';
export type { ConnectionStringPair, ValueQuoting } from './parsed-connection-string.js';

/**
 * Parses a connection string (pure, no I/O). The grammar (ADO.NET rules plus ODBC braces):
 * - an optional `jdbc:instagram:` or `jdbc:cdata:instagram:` prefix;
 * - `key=value` pairs separated by `;`; empty pairs and a trailing `;` are ignored;
 * - keys are trimmed and compared ignoring case; `==` in a key stands for `=`;
 * - an unquoted value is trimmed and runs to the next `;` (it may contain `=` and quotes);
 * - a value in `'...'` or `"..."` may contain anything, its own quote written twice;
 *   a value in `{...}` likewise, `}` written `}}`; after the closing quote or brace only white
 *   space may come before the `;`;
 * - a key given twice: the last one wins.
 * Every problem of the string is reported in one IgsqlError('config') with its position; values
 * of secrets never appear in it.
 */
export function parseConnectionString(text: string): ParsedConnectionString {
  const { parsed, problems } = scanConnectionString(text);
  if (problems.length > 0) throw problemsError(problems);
  return parsed;
}

/**
 * The parser without the throw: the pairs it could read and the problems it found, so that
 * resolution can report grammar and property problems together.
 */
export function scanConnectionString(text: string): { parsed: ParsedConnectionString; problems: ConnectionStringProblem[] } {
  if (typeof text !== 'string') {
    throw new IgsqlError('usage', `parseConnectionString expects a string, not ${text === null ? 'null' : typeof text}`);
  }
  const problems: ConnectionStringProblem[] = [];
  const pairs = new Map<string, ConnectionStringPair>();
  const problem = (offset: number, message: (where: string) => string, property?: string): void => {
    const position = positionOf(text, offset);
    problems.push({ kind: 'config', message: message(describePosition(position)), position, property });
  };
  const start = skipSpace(text, 0);
  const prefix = jdbcPrefixAt(text, start);
  let i = start + prefix.length;
  // After a secret, the text up to the next known property may be a piece of that secret cut off
  // at a ';' or a quote (a password that was not quoted right): it is never echoed. Same for a key
  // like `Password=x`, from `Password==x` (a password starting with '=').
  let secret: string | undefined;
  while ((i = skipSpace(text, i)) < text.length) {
    if (text[i] === ';') {
      i++;
      continue;
    }
    const keyStart = i;
    const { key, end: keyEnd } = readKey(text, i);
    const known = findProperty(key) !== undefined;
    const sensitive = isSensitiveName(key);
    const embedded = secretBeforeEquals(key);
    const suspect = known ? undefined : (secret ?? embedded);
    if (sensitive || embedded !== undefined) secret = embedded ?? key;
    else if (known) secret = undefined;
    const hint = suspect === undefined ? '' : followsSecretHint(suspect);
    const property = suspect === undefined && key !== '' ? key : undefined;
    if (text[keyEnd] !== '=') {
      const what = suspect === undefined ? `'${excerpt(key)}'` : 'the text';
      problem(keyStart, (where) => `${what} at ${where} is not a key=value pair (no '=')${hint}`, property);
      i = keyEnd;
      continue;
    }
    if (key === '') problem(keyEnd, (where) => `'=' at ${where} has no key before it${hint}`);
    const valueStart = skipSpace(text, keyEnd + 1);
    const read = readValue(text, valueStart);
    i = read.end;
    const of = property === undefined ? 'the value' : `the value of ${excerpt(key)}`;
    if (read.error !== undefined) {
      const [open, close] = read.quoting === 'braces' ? ['{', '}'] : [text[valueStart]!, text[valueStart]!];
      const escape = `write ${close} inside it as ${close}${close}`;
      if (read.error === 'unclosed') {
        problem(valueStart, (where) => `${of} opened with ${open} at ${where} is not closed (${escape})${hint}`, property);
      } else {
        const what = sensitive || suspect !== undefined ? 'text' : `'${String.fromCodePoint(text.codePointAt(read.errorAt)!)}'`;
        problem(read.errorAt, (where) => `unexpected ${what} at ${where} after the closing ${close} of ${of} (expected ';' or the end; ${escape})${hint}`, property);
      }
      continue;
    }
    if (key === '') continue;
    const pair: ConnectionStringPair = {
      key,
      value: read.value,
      quoting: read.quoting,
      keyAt: positionOf(text, keyStart),
      valueAt: positionOf(text, valueStart),
      ...(suspect === undefined ? {} : { followsSecret: suspect }),
    };
    pairs.delete(key.toLowerCase());
    pairs.set(key.toLowerCase(), pair);
  }
  return { parsed: new ParsedConnectionString([...pairs.values()], prefix), problems };
}

/** `Password` for the key `Password=x` (from `Password==x`, a secret starting with `=`), else undefined. */
function secretBeforeEquals(key: string): string | undefined {
  const head = key.slice(0, key.indexOf('='));
  return key.includes('=') && isSensitiveName(head) ? head : undefined;
}

/** Reads a key from `start` to its `=` (a single one: `==` is a literal `=`), a `;` or the end. */
function readKey(text: string, start: number): { key: string; end: number } {
  let key = '';
  let i = start;
  for (; i < text.length && text[i] !== ';'; i++) {
    if (text[i] === '=') {
      if (text[i + 1] !== '=') break;
      i++;
    }
    key += text[i];
  }
  return { key: key.trim(), end: i };
}

type ValueRead =
  | { error?: undefined; value: string; quoting: ValueQuoting; end: number }
  | { error: 'unclosed'; quoting: ValueQuoting; end: number }
  | { error: 'trailing'; quoting: ValueQuoting; errorAt: number; end: number };

const QUOTING: Readonly<Record<string, ValueQuoting>> = { "'": 'single', '"': 'double', '{': 'braces' };

/** Reads a value starting at `start` (first non-space character); `end` is at its `;` or the end. */
function readValue(text: string, start: number): ValueRead {
  const quoting = QUOTING[text[start] ?? ''];
  if (quoting === undefined) {
    const semicolon = text.indexOf(';', start);
    const end = semicolon < 0 ? text.length : semicolon;
    return { value: text.slice(start, end).trimEnd(), quoting: 'none', end };
  }
  const close = quoting === 'braces' ? '}' : text[start]!;
  let value = '';
  let i = start + 1;
  for (;;) {
    const at = text.indexOf(close, i);
    if (at < 0) return { error: 'unclosed', quoting, end: text.length };
    value += text.slice(i, at);
    i = at + 1;
    if (text[i] !== close) break;
    value += close;
    i++;
  }
  const after = skipSpace(text, i);
  if (after < text.length && text[after] !== ';') {
    const semicolon = text.indexOf(';', after);
    return { error: 'trailing', quoting, errorAt: after, end: semicolon < 0 ? text.length : semicolon };
  }
  return { value, quoting, end: after };
}
