import { IgsqlError } from '../errors.js';
import { jdbcPrefixAt } from './syntax.js';

/** Key/value pairs to render: a record, a Map, or an array of [key, value]. */
export type ConnectionStringEntries = Readonly<Record<string, string>> | Iterable<readonly [string, string]>;

/**
 * Renders pairs as a connection string that parseConnectionString reads back to the same pairs:
 * `=` in keys is written `==`, and a value is quoted only when it must be (it has leading or
 * trailing white space, a `;` or a control character, or starts with a quote, `{` or `=`). A key must be non-empty, without surrounding white space or `;`, and unique ignoring case.
 */
export function buildConnectionString(entries: ConnectionStringEntries): string {
  const list = Symbol.iterator in entries ? [...(entries as Iterable<readonly [string, string]>)] : Object.entries(entries);
  const seen = new Set<string>();
  const parts = list.map(([key, value]) => {
    checkKey(key, seen);
    if (typeof value !== 'string') {
      throw new IgsqlError('usage', `buildConnectionString: the value of ${key} must be a string, not ${typeof value}`);
    }
    return `${key.replaceAll('=', '==')}=${quoteIfNeeded(value)}`;
  });
  const text = parts.join(';');
  // A first key that looks like a JDBC prefix would be read as one: an empty pair in front prevents that.
  return jdbcPrefixAt(text, 0) === '' ? text : `;${text}`;
}

function checkKey(key: string, seen: Set<string>): void {
  let problem: string | undefined;
  if (typeof key !== 'string' || key.trim() === '') problem = 'a key must not be empty';
  else if (key !== key.trim()) problem = `the key '${key}' must not start or end with white space`;
  else if (key.includes(';')) problem = `the key '${key}' must not contain ';'`;
  else if (seen.has(key.toLowerCase())) problem = `the key '${key}' appears twice (keys ignore case)`;
  if (problem !== undefined) throw new IgsqlError('usage', `buildConnectionString: ${problem}`);
  seen.add(key.toLowerCase());
}

const NEEDS_QUOTES = /^['"{=]|;|[\u0000-\u001f\u007f-\u009f]/;

export function quoteIfNeeded(value: string): string {
  if (value === '' || (value === value.trim() && !NEEDS_QUOTES.test(value))) return value;
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  return `'${value.replaceAll("'", "''")}'`;
}
