/**
 * The sandbox's JSON writer: answers as the Graph API writes them, into bytes (see graphJson).
 */
const NON_ASCII = /[\u0080-\uffff]/;
/** A run of what graphJson escapes beyond JSON.stringify: `/` and non-ASCII UTF-16 units. */
const SPECIALS = /[/\u0080-\uffff]+/g;
const HEX = Buffer.from('0123456789abcdef', 'latin1');
/** Containers above this depth are written member by member; deeper values by one JSON.stringify. */
const SPLIT_DEPTH = 2;

/**
 * JSON as the Graph API writes it (PHP's json_encode defaults): ASCII only, every other character
 * as a lower-case `\uXXXX` escape (astral ones as their surrogate pair), and `/` as `\/`. A raw
 * recorded answer shows both ("\u7f51\u7ad9", "https:\/\/scontent…": reference/recorded/base/
 * object_data.json; restfb/restfb#94). Same JSON value, different bytes: a client must not
 * assume raw UTF-8 or unescaped URLs.
 *
 * The bytes are JSON.stringify's, escaped; the work is arranged around what a large string costs V8.
 * JSON.stringify returns a 1 MB answer as a tree of parts, and the first look at its characters
 * copies them into one flat string (two bytes a character once one is non-ASCII) in freshly mapped
 * memory: ~6 ms for a W7 page, more than the escaping. So the outer levels (`{"data":[…]}`, a
 * batch's array of items) are written member by member, each member a small JSON.stringify escaped
 * straight into a reused byte buffer, and an answer leaves as one copy of those bytes
 * (graphJsonBytes); only graphJson, for tests and callers that need text, makes a large string.
 * Small flat pages are one JSON.stringify (isFlatPage), and a batch item's body is escaped from
 * its bytes (JsonTextMember).
 */
export function graphJson(value: unknown): string {
  const written = write(value);
  return typeof written === 'string' || written === undefined ? (written as string) : written.done();
}

/** {@link graphJson}'s bytes, without the large string in between (the form an answer is sent in). */
export function graphJsonBytes(value: unknown): Buffer {
  const written = write(value);
  if (written === undefined) throw new TypeError('graphJsonBytes: the value has no JSON form');
  return typeof written === 'string' ? Buffer.from(written, 'latin1') : written.doneBytes();
}

/** ASCII text when JSON.stringify's needs no more than `/` escaped, else the Writer that holds it. */
function write(value: unknown): string | Writer | undefined {
  if (isSplittable(value) && !isFlatPage(value)) return new Writer(1 << 16).value(value, 0);
  const text = JSON.stringify(value) as string | undefined; // undefined for undefined, a function, a symbol
  if (text === undefined) return undefined;
  return NON_ASCII.test(text) ? new Writer(text.length).text(text) : text.replaceAll('/', '\\/');
}

/**
 * A page of at most 100 items without a nested edge (a batch item's 50 comments, a media page of
 * plain fields): tens of kB, where one JSON.stringify and one pass over its text take about half
 * the time of writing member by member. Pages with nested edges (100 media × 50 comments) are the
 * large ones.
 */
function isFlatPage(value: object): boolean {
  const data = (value as { data?: unknown }).data;
  if (!Array.isArray(data) || data.length > 100) return false;
  const first = data[0] as Record<string, unknown> | undefined;
  if (typeof first !== 'object' || first === null) return true;
  for (const key in first) {
    const member = first[key] as { data?: unknown } | null;
    if (typeof member === 'object' && member !== null && Array.isArray(member.data)) return false;
  }
  return true;
}

/** Plain arrays and objects without toJSON: JSON.stringify of them is the join of their members'. */
function isSplittable(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/**
 * A JSON answer's bytes as a string member of another answer (a batch item's `body`). The Writer
 * escapes the bytes straight into the output (`"` and `\` as JSON.stringify escapes them, `/` as
 * `\/`), where the string form took a latin1 copy, a JSON.stringify and a pass for `/`: the same
 * bytes, ~2× faster. Any other value reads it as the text (toJSON).
 */
export class JsonTextMember {
  readonly bytes: Buffer;

  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }

  toJSON(): string {
    return this.bytes.toString('latin1');
  }
}

/** Output bytes, reused across answers: the writing is synchronous. */
let scratch = Buffer.allocUnsafe(1 << 16);

class Writer {
  private out: Buffer;
  private o = 0;

  constructor(expected: number) {
    this.out = scratch;
    this.ensure(expected);
  }

  /** Appends the JSON of `value`, at `depth` levels into the answer. */
  value(value: unknown, depth: number): this {
    if (value instanceof JsonTextMember) return this.jsonText(value.bytes);
    if (depth >= SPLIT_DEPTH || !isSplittable(value)) return this.text(JSON.stringify(value) ?? 'null');
    if (Array.isArray(value)) {
      this.raw('[');
      for (let i = 0; i < value.length; i++) {
        if (i > 0) this.raw(',');
        this.value(value[i], depth + 1);
      }
      return this.raw(']');
    }
    this.raw('{');
    let first = true;
    for (const key of Object.keys(value)) {
      const member = (value as Record<string, unknown>)[key];
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      if (!first) this.raw(',');
      first = false;
      this.text(JSON.stringify(key)).raw(':').value(member, depth + 1);
    }
    return this.raw('}');
  }

  /** Appends JSON text, escaping `/` and every non-ASCII unit. */
  text(json: string): this {
    this.ensure(json.length * 6);
    const out = this.out;
    let o = this.o;
    let last = 0;
    SPECIALS.lastIndex = 0;
    for (let m = SPECIALS.exec(json); m !== null; m = SPECIALS.exec(json)) {
      if (m.index > last) o += out.write(json.slice(last, m.index), o, 'latin1');
      const run = m[0];
      for (let i = 0; i < run.length; i++) {
        const c = run.charCodeAt(i);
        out[o++] = 0x5c;
        if (c === 0x2f) {
          out[o++] = 0x2f;
          continue;
        }
        out[o++] = 0x75;
        out[o++] = HEX[c >> 12]!;
        out[o++] = HEX[(c >> 8) & 15]!;
        out[o++] = HEX[(c >> 4) & 15]!;
        out[o++] = HEX[c & 15]!;
      }
      last = m.index + run.length;
    }
    if (last < json.length) o += out.write(last === 0 ? json : json.slice(last), o, 'latin1');
    this.o = o;
    return this;
  }

  /**
   * Appends JSON text bytes as a JSON string, escaped as `text(JSON.stringify(latin1 of them))`
   * would; bytes that JSON answers never hold (controls, non-ASCII) take that way instead.
   */
  private jsonText(bytes: Buffer): this {
    this.ensure(bytes.length * 2 + 2);
    const out = this.out;
    const start = this.o;
    let o = start;
    out[o++] = 0x22;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b < 0x20 || b >= 0x80) {
        this.o = start;
        return this.text(JSON.stringify(bytes.toString('latin1')));
      }
      if (b === 0x22 || b === 0x5c || b === 0x2f) out[o++] = 0x5c;
      out[o++] = b;
    }
    out[o++] = 0x22;
    this.o = o;
    return this;
  }

  /** Appends ASCII punctuation. */
  private raw(ascii: string): this {
    this.ensure(ascii.length);
    this.o += this.out.write(ascii, this.o, 'latin1');
    return this;
  }

  private ensure(more: number): void {
    if (this.o + more <= this.out.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.o + more));
    this.out.copy(grown, 0, 0, this.o);
    this.out = scratch = grown;
  }

  done(): string {
    return this.out.toString('latin1', 0, this.o);
  }

  /** A copy of the bytes (the buffer is reused by the next answer). */
  doneBytes(): Buffer {
    return Buffer.from(this.out.subarray(0, this.o));
  }
}

/** A body's bytes: JSON answers are bytes already; text is UTF-8, copied straight when ASCII. */
export function bodyBytes(body: string | Buffer): Buffer {
  if (typeof body !== 'string') return body;
  return Buffer.from(body, NON_ASCII.test(body) ? 'utf8' : 'latin1');
}

/** A body as text (a batch item's `body`): JSON answers are ASCII, so latin1 is their exact decoding. */
export function bodyText(body: string | Buffer): string {
  return typeof body === 'string' ? body : body.toString('latin1');
}
