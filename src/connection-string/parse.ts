import { IgsqlError, positionOf } from '../errors.js';
import { isSensitiveName } from './lookup.js';
import { ParsedConnectionString } from './parsed-connection-string.js';
import type { ConnectionStringPair, ValueQuoting } from './parsed-connection-string.js';
import { describePosition, excerpt, problemsError } from './problems.js';
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
  let previousSecret: string | undefined; // key of the previous pair, when it was an unquoted secret
  while ((i = skipSpace(text, i)) < text.length) {
    if (text[i] === ';') {
      i++;
      continue;
    }
    const keyStart = i;
    const { key, end: keyEnd } = readKey(text, i);
    const afterSecret = previousSecret;
    previousSecret = undefined;
    if (text[keyEnd] !== '=') {
      problem(keyStart, (where) =>
        afterSecret === undefined
          ? `'${excerpt(key)}' at ${where} is not a key=value pair (no '=')`
          : `the text at ${where} is not a key=value pair (no '='); it follows the unquoted value of ${afterSecret}: if that value contains ';', enclose it in quotes`,
      );
      i = keyEnd;
      continue;
    }
    if (key === '') problem(keyEnd, (where) => `'=' at ${where} has no key before it`);
    const valueStart = skipSpace(text, keyEnd + 1);
    const read = readValue(text, valueStart);
    i = read.end;
    const sensitive = isSensitiveName(key);
    const of = key === '' ? 'the value' : `the value of ${excerpt(key)}`;
    if (read.error === 'unclosed') {
      const [open, close] = read.quoting === 'braces' ? ['{', '}'] : [text[valueStart]!, text[valueStart]!];
      problem(valueStart, (where) => `${of} opened with ${open} at ${where} is not closed (write ${close} inside it as ${close}${close})`, key);
      continue;
    }
    if (read.error === 'trailing') {
      const close = read.quoting === 'braces' ? '}' : text[valueStart]!;
      const what = sensitive ? 'text' : `'${String.fromCodePoint(text.codePointAt(read.errorAt)!)}'`;
      problem(
        read.errorAt,
        (where) => `unexpected ${what} at ${where} after the closing ${close} of ${of} (expected ';' or the end; write ${close} inside it as ${close}${close})`,
        key,
      );
      continue;
    }
    if (key === '') continue;
    const pair: ConnectionStringPair = {
      key,
      value: read.value,
      quoting: read.quoting,
      keyAt: positionOf(text, keyStart),
      valueAt: positionOf(text, valueStart),
      ...(afterSecret === undefined ? {} : { followsUnquotedSecret: afterSecret }),
    };
    pairs.delete(key.toLowerCase());
    pairs.set(key.toLowerCase(), pair);
    if (sensitive && read.quoting === 'none' && read.value !== '') previousSecret = key;
  }
  if (problems.length > 0) throw problemsError(problems);
  return new ParsedConnectionString([...pairs.values()], prefix);
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
