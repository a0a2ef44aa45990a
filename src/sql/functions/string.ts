/** String functions. Positions and lengths count characters (code points), 1-based, like SQLite. */
import type { SqlValue } from '../../schema/types.js';
import { toText, type StaticType } from '../values.js';
import { codePointLength, codePointSlice, fn, intArg, type SqlFunction } from './function.js';

const str = (): StaticType => 'String';
const int = (): StaticType => 'Integer';

function text(v: SqlValue, type: StaticType | undefined): string {
  return toText(v!, type);
}

/** SQLite's substr(X, Y, Z) arithmetic, on code points. */
export function substr(s: string, start: number, length: number | undefined): string {
  const len = codePointLength(s);
  let p1 = start;
  let p2 = length ?? Number.MAX_SAFE_INTEGER;
  let negP2 = false;
  if (p2 < 0) {
    p2 = -p2;
    negP2 = true;
  }
  if (p1 < 0) {
    p1 += len;
    if (p1 < 0) {
      p2 += p1;
      if (p2 < 0) p2 = 0;
      p1 = 0;
    }
  } else if (p1 > 0) {
    p1--;
  } else if (p2 > 0) {
    p2--;
  }
  if (negP2) {
    p1 -= p2;
    if (p1 < 0) {
      p2 += p1;
      p1 = 0;
    }
  }
  if (p1 + p2 > len) {
    p2 = len - p1;
    if (p2 < 0) p2 = 0;
  }
  return codePointSlice(s, p1, p1 + p2);
}

function trimChars(s: string, chars: string, left: boolean, right: boolean): string {
  const set = new Set(Array.from(chars));
  const cps = Array.from(s);
  let a = 0;
  let b = cps.length;
  if (left) while (a < b && set.has(cps[a]!)) a++;
  if (right) while (b > a && set.has(cps[b - 1]!)) b--;
  return cps.slice(a, b).join('');
}

function trimFunction(name: string, left: boolean, right: boolean, description: string): SqlFunction {
  return fn({
    name, category: 'string', minArgs: 1, maxArgs: 2, signature: `${name}(s[, characters])`, description,
    example: `${name}('  hi  ') → '${left && right ? 'hi' : left ? 'hi  ' : '  hi'}'`,
    returns: str,
    compile: (types) => (args) => {
      const s = text(args[0]!, types[0]);
      if (args.length < 2) {
        if (left && right) return s.replace(/^ +| +$/g, '');
        return left ? s.replace(/^ +/, '') : s.replace(/ +$/, '');
      }
      return trimChars(s, text(args[1]!, types[1]), left, right);
    },
  });
}

/** Index (1-based, in code points) of `needle` in `haystack` from code point `from`, or 0. */
function position(haystack: string, needle: string, from = 1): number {
  const start = Math.max(0, from - 1);
  const prefix = codePointSlice(haystack, 0, start);
  const at = haystack.indexOf(needle, prefix.length);
  return at === -1 ? 0 : codePointLength(haystack.slice(0, at)) + 1;
}

export const STRING_FUNCTIONS: readonly SqlFunction[] = [
  fn({
    name: 'UPPER', aliases: ['UCASE'], category: 'string', minArgs: 1, maxArgs: 1, signature: 'UPPER(s)',
    description: 'Upper case (full Unicode case mapping).', example: "UPPER('Café') → 'CAFÉ'", returns: str,
    compile: (types) => (args) => text(args[0]!, types[0]).toUpperCase(),
  }),
  fn({
    name: 'LOWER', aliases: ['LCASE'], category: 'string', minArgs: 1, maxArgs: 1, signature: 'LOWER(s)',
    description: 'Lower case (full Unicode case mapping).', example: "LOWER('Café') → 'café'", returns: str,
    compile: (types) => (args) => text(args[0]!, types[0]).toLowerCase(),
  }),
  fn({
    name: 'LENGTH', aliases: ['LEN', 'CHAR_LENGTH', 'CHARACTER_LENGTH'], category: 'string', minArgs: 1, maxArgs: 1,
    signature: 'LENGTH(s)', description: 'Number of characters (code points); LEN is the same (trailing spaces count).',
    example: "LENGTH('héllo') → 5", returns: int,
    compile: (types) => (args) => codePointLength(text(args[0]!, types[0])),
  }),
  fn({
    name: 'SUBSTRING', aliases: ['SUBSTR'], category: 'string', minArgs: 2, maxArgs: 3, signature: 'SUBSTRING(s, start[, length])',
    description: 'Characters from `start` (1-based; negative counts from the end), at most `length` of them.',
    example: "SUBSTRING('instagram', 1, 5) → 'insta'", returns: str,
    compile: (types) => (args) =>
      substr(text(args[0]!, types[0]), intArg(args[1]!, 'SUBSTRING', 'start'), args.length > 2 ? intArg(args[2]!, 'SUBSTRING', 'length') : undefined),
  }),
  trimFunction('TRIM', true, true, 'Removes spaces (or the given characters) from both ends.'),
  trimFunction('LTRIM', true, false, 'Removes spaces (or the given characters) from the start.'),
  trimFunction('RTRIM', false, true, 'Removes spaces (or the given characters) from the end.'),
  fn({
    name: 'REPLACE', category: 'string', minArgs: 3, maxArgs: 3, signature: 'REPLACE(s, find, replacement)',
    description: 'Replaces every occurrence of `find` (case-sensitive).', example: "REPLACE('a-b-c', '-', '+') → 'a+b+c'", returns: str,
    compile: (types) => (args) => {
      const s = text(args[0]!, types[0]);
      const find = text(args[1]!, types[1]);
      return find === '' ? s : s.split(find).join(text(args[2]!, types[2]));
    },
  }),
  fn({
    name: 'CONCAT', category: 'string', minArgs: 1, maxArgs: Infinity, signature: 'CONCAT(a, b, ...)',
    description: 'Joins the arguments as text; NULL arguments are skipped (`a || b` gives NULL if either is NULL).',
    example: "CONCAT('#', NULL, 'tag') → '#tag'", returns: str, nulls: 'pass',
    compile: (types) => (args) => {
      let out = '';
      for (let i = 0; i < args.length; i++) if (args[i] !== null) out += text(args[i]!, types[i]);
      return out;
    },
  }),
  fn({
    name: 'CONCAT_WS', category: 'string', minArgs: 2, maxArgs: Infinity, signature: 'CONCAT_WS(separator, a, b, ...)',
    description: 'Joins the non-NULL arguments with the separator.', example: "CONCAT_WS(', ', 'a', NULL, 'b') → 'a, b'", returns: str,
    nulls: 'pass',
    compile: (types) => (args) => {
      if (args[0] === null) return null;
      const parts: string[] = [];
      for (let i = 1; i < args.length; i++) if (args[i] !== null) parts.push(text(args[i]!, types[i]));
      return parts.join(text(args[0]!, types[0]));
    },
  }),
  fn({
    name: 'LEFT', category: 'string', minArgs: 2, maxArgs: 2, signature: 'LEFT(s, n)', description: 'The first n characters.',
    example: "LEFT('instagram', 5) → 'insta'", returns: str,
    compile: (types) => (args) => codePointSlice(text(args[0]!, types[0]), 0, Math.max(0, intArg(args[1]!, 'LEFT', 'n'))),
  }),
  fn({
    name: 'RIGHT', category: 'string', minArgs: 2, maxArgs: 2, signature: 'RIGHT(s, n)', description: 'The last n characters.',
    example: "RIGHT('instagram', 4) → 'gram'", returns: str,
    compile: (types) => (args) => {
      const s = text(args[0]!, types[0]);
      const n = Math.max(0, intArg(args[1]!, 'RIGHT', 'n'));
      const len = codePointLength(s);
      return codePointSlice(s, Math.max(0, len - n), len);
    },
  }),
  fn({
    name: 'INSTR', category: 'string', minArgs: 2, maxArgs: 2, signature: 'INSTR(s, find)',
    description: 'Position (1-based) of the first `find` in `s`, 0 when absent (case-sensitive).', example: "INSTR('instagram', 'gram') → 6",
    returns: int, compile: (types) => (args) => position(text(args[0]!, types[0]), text(args[1]!, types[1])),
  }),
  fn({
    name: 'CHARINDEX', category: 'string', minArgs: 2, maxArgs: 3, signature: 'CHARINDEX(find, s[, start])',
    description: 'T-SQL argument order: position (1-based) of `find` in `s` from `start`, 0 when absent.',
    example: "CHARINDEX('gram', 'instagram') → 6", returns: int,
    compile: (types) => (args) =>
      position(text(args[1]!, types[1]), text(args[0]!, types[0]), args.length > 2 ? intArg(args[2]!, 'CHARINDEX', 'start') : 1),
  }),
  fn({
    name: 'REVERSE', category: 'string', minArgs: 1, maxArgs: 1, signature: 'REVERSE(s)', description: 'The characters in reverse order.',
    example: "REVERSE('abc') → 'cba'", returns: str, compile: (types) => (args) => Array.from(text(args[0]!, types[0])).reverse().join(''),
  }),
  fn({
    name: 'REPEAT', aliases: ['REPLICATE'], category: 'string', minArgs: 2, maxArgs: 2, signature: 'REPEAT(s, n)',
    description: 'The string repeated n times.', example: "REPEAT('ab', 3) → 'ababab'", returns: str,
    compile: (types) => (args) => text(args[0]!, types[0]).repeat(Math.max(0, Math.min(intArg(args[1]!, 'REPEAT', 'n'), 1_000_000))),
  }),
];
