/**
 * LIKE patterns: `%` any run of characters, `_` one character, matched case-insensitively for
 * ASCII letters only (SQLite's default LIKE); other characters match exactly. ESCAPE names one
 * character that makes the next `%`, `_` or itself literal.
 */
import { describeValue, execError } from './values.js';

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/]/;

export function likeToRegExp(pattern: string, escape: string | undefined): RegExp {
  if (escape !== undefined && Array.from(escape).length !== 1) {
    throw execError(`LIKE ... ESCAPE takes exactly one character, got ${describeValue(escape)}`);
  }
  let source = '^';
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (escape !== undefined && c === escape) {
      const next = chars[++i];
      if (next === undefined) throw execError(`LIKE pattern ${describeValue(pattern)} ends with its escape character`);
      source += literal(next);
    } else if (c === '%') {
      source += '[\\s\\S]*';
    } else if (c === '_') {
      source += '[\\s\\S]';
    } else {
      source += literal(c);
    }
  }
  return new RegExp(`${source}$`, 'u');
}

function literal(c: string): string {
  const code = c.charCodeAt(0);
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return `[${c.toUpperCase()}${c.toLowerCase()}]`;
  return REGEX_SPECIAL.test(c) ? `\\${c}` : c;
}

/** A matcher that caches the regular expression of the last pattern seen. */
export function likeMatcher(): (value: string, pattern: string, escape: string | undefined) => boolean {
  let lastPattern: string | undefined;
  let lastEscape: string | undefined;
  let re: RegExp | undefined;
  return (value, pattern, escape) => {
    if (re === undefined || pattern !== lastPattern || escape !== lastEscape) {
      re = likeToRegExp(pattern, escape);
      lastPattern = pattern;
      lastEscape = escape;
    }
    return re.test(value);
  };
}
