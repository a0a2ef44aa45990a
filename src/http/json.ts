/**
 * JSON.parse that keeps integers beyond 2^53 exact by turning them into strings (the IG Login
 * code exchange sends `user_id` as a number like 27640875392278831; old payloads send `ig_id`).
 * Only integer literals that are not safe integers are rewritten; everything else is JSON.parse.
 */
export function parseJsonLossless(text: string): unknown {
  if (!mayHoldUnsafeInteger(text)) return JSON.parse(text);
  return JSON.parse(quoteBigIntegers(text));
}

/**
 * Whether `text` may hold a number literal of 16 or more digits: outside a string, a JSON number
 * starts the document or follows `:`, `,` or `[` (and whitespace). Graph ids are 17-digit
 * *strings* (`"id":"17841…"`), so almost every answer passes on to plain JSON.parse without the
 * character-by-character scan (which cost ~15% of igsql's CPU in a comment scan). Digits inside a
 * string that look like this (`"a:1234567890123456"`) only cost the scan, never a wrong answer.
 * Two patterns: `(?:^|[[:,])` in one regex is twice as slow on a page of comments (V8 cannot
 * look for the separator first).
 */
export function mayHoldUnsafeInteger(text: string): boolean {
  return AFTER_SEPARATOR.test(text) || AT_START.test(text);
}

const AFTER_SEPARATOR = /[[:,]\s*-?\d{16}/;
const AT_START = /^\s*-?\d{16}/;

/** Wrap unsafe integer literals (outside strings) in quotes. Linear scan; leaves strings untouched. */
export function quoteBigIntegers(text: string): string {
  let out = '';
  let last = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i += 2;
        else if (d === 34) break;
        else i++;
      }
      i++;
      continue;
    }
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      const start = i;
      if (c === 45) i++;
      while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      const isInteger = i >= n || !/[.eE]/.test(text[i]!);
      const literal = text.slice(start, i);
      if (isInteger && literal.replace('-', '').length >= 16 && !Number.isSafeInteger(Number(literal))) {
        out += `${text.slice(last, start)}"${literal}"`;
        last = i;
      } else {
        while (i < n && /[0-9.eE+-]/.test(text[i]!)) i++;
      }
      continue;
    }
    i++;
  }
  return last === 0 ? text : out + text.slice(last);
}
