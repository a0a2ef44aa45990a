/**
 * Object ids: numeric strings that look like Meta's (IG users `17841…`, 17 digits; pages 15 digits)
 * and decode back to the generator coordinates they came from, so `/{id}` needs no index of all
 * objects. An id is `prefix + scramble(payload)`, where scramble is a seed-dependent bijection on
 * [0, 10^digits) (affine map, digit reversal, affine map), so neighbouring objects get unrelated ids.
 */
import { hashKeys } from './rng.js';

export type IdKind =
  | 'user' // Facebook user (app-scoped id)
  | 'page' // Facebook Page
  | 'business' // Business Manager business (owner of the system user)
  | 'systemUser'
  | 'app'
  | 'igUser' // IG professional account
  | 'media' // top-level feed media (IMAGE, VIDEO, CAROUSEL_ALBUM, REELS)
  | 'child' // carousel child
  | 'story'
  | 'comment' // comment or reply
  | 'hashtagMedia' // public media reached through a hashtag
  | 'overlay'; // objects created at run time (stage 2 writes: comments, containers, published media)

interface KindLayout {
  readonly prefix: string;
  readonly digits: number;
}

const LAYOUT: Readonly<Record<IdKind, KindLayout>> = {
  user: { prefix: '1000', digits: 11 },
  page: { prefix: '1010', digits: 11 },
  business: { prefix: '1020', digits: 11 },
  systemUser: { prefix: '1030', digits: 11 },
  app: { prefix: '1040', digits: 11 },
  igUser: { prefix: '17841', digits: 12 },
  media: { prefix: '179', digits: 14 },
  child: { prefix: '180', digits: 14 },
  story: { prefix: '181', digits: 14 },
  comment: { prefix: '182', digits: 14 },
  hashtagMedia: { prefix: '183', digits: 14 },
  overlay: { prefix: '184', digits: 14 },
};

/** Hashtag ids (`17843…`) are global and static: a hash of the name, looked up in a table. */
export const HASHTAG_ID_PREFIX = '17843';

const MULTIPLIER: Readonly<Record<number, bigint>> = {
  11: 61803398873n,
  12: 618033988749n,
  14: 61803398874989n,
};

interface Affine {
  readonly prefix: string;
  readonly modulus: number;
  readonly digits: number;
  readonly a: number;
  readonly aInverse: number;
  readonly b: number;
  readonly b2: number;
}

/**
 * x mod m for integers 0 ≤ x < 2^53, m > 0, without `%` (which on values above 2^31 is a slow fmod
 * call): the quotient's rounding is corrected by one step, and q·m is exact below 2^53.
 */
function mod(x: number, m: number): number {
  const r = x - Math.floor(x / m) * m;
  return r < 0 ? r + m : r >= m ? r - m : r;
}

/** REVERSED4[n] = the 4 zero-padded digits of n (< 10^4) in reverse order. */
const REVERSED4 = new Uint16Array(10_000);
for (let n = 0; n < 10_000; n++) REVERSED4[n] = (n % 10) * 1000 + (Math.floor(n / 10) % 10) * 100 + (Math.floor(n / 100) % 10) * 10 + Math.floor(n / 1000);
const POW10 = [1, 10, 100, 1000, 10_000];

/** Reverses the zero-padded decimal digits: a bijection that moves low digits high. */
function reverseDigits(value: number, digits: number): number {
  let v = value;
  let out = 0;
  let left = digits;
  while (left >= 4) {
    const block = mod(v, 10_000);
    out = out * 10_000 + REVERSED4[block]!;
    v = (v - block) / 10_000;
    left -= 4;
  }
  // The last 1-3 digits: their 4-digit reversal ends in 4 - left zeros.
  return left === 0 ? out : out * POW10[left]! + REVERSED4[v]! / POW10[4 - left]!;
}

const SPLIT = 10_000_000;

/** '0000' … '9999': ids print as 4-digit groups (faster than printing a 14-digit double and padding it). */
const GROUPS = Array.from({ length: 10_000 }, (_, n) => String(n).padStart(4, '0'));

/** `value` (< 10^digits) zero-padded to `digits` digits. */
function padded(value: number, digits: number): string {
  let v = value;
  let out = '';
  let left = digits;
  while (left > 4) {
    const group = mod(v, 10_000);
    out = GROUPS[group]! + out;
    v = (v - group) / 10_000;
    left -= 4;
  }
  return GROUPS[v]!.slice(4 - left) + out;
}

/**
 * (x · y) mod m in doubles, exact for x, y < m ≤ 10^14 where m divides 10^14: with x = x1·10^7 + x0,
 * x·y ≡ x0·y0 + ((x1·y0 + x0·y1) mod m/10^7)·10^7, every term below 2^53.
 */
function mulMod(x: number, y: number, m: number): number {
  const x0 = mod(x, SPLIT);
  const x1 = (x - x0) / SPLIT;
  const y0 = mod(y, SPLIT);
  const y1 = (y - y0) / SPLIT;
  const cross = mod(x1 * y0 + x0 * y1, m / SPLIT);
  return mod(x0 * y0 + cross * SPLIT, m);
}

function inverseMod(value: bigint, modulus: bigint): bigint {
  let [oldR, r] = [value % modulus, modulus];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % modulus) + modulus) % modulus;
}

export class IdCodec {
  readonly #affine = new Map<IdKind, Affine>();

  constructor(seed: number) {
    for (const [kind, layout] of Object.entries(LAYOUT) as [IdKind, KindLayout][]) {
      const modulus = 10n ** BigInt(layout.digits);
      const a = MULTIPLIER[layout.digits];
      if (a === undefined) throw new Error(`no multiplier for ${layout.digits} digits`);
      const b = (BigInt(hashKeys([seed, kind])) * 2654435761n + BigInt(hashKeys([kind, seed]))) % modulus;
      const b2 = (BigInt(hashKeys([seed, kind, 2])) * 2246822519n + BigInt(hashKeys([2, kind, seed]))) % modulus;
      this.#affine.set(kind, {
        prefix: layout.prefix, modulus: Number(modulus), digits: layout.digits,
        a: Number(a), aInverse: Number(inverseMod(a, modulus)), b: Number(b), b2: Number(b2),
      });
    }
  }

  /** The id of the object of `kind` with generator coordinates `payload` (0 ≤ payload < 10^digits). */
  encode(kind: IdKind, payload: number): string {
    const { prefix, a, b, b2, modulus, digits } = this.#affine.get(kind)!;
    if (payload < 0 || !Number.isInteger(payload) || payload >= modulus) {
      throw new RangeError(`id payload out of range for ${kind}: ${payload}`);
    }
    const inner = reverseDigits(mod(mulMod(a, payload, modulus) + b, modulus), digits);
    const y = mod(mulMod(a, inner, modulus) + b2, modulus);
    return prefix + padded(y, digits);
  }

  /** The kind and payload of an id made by {@link encode}, or undefined. */
  decode(id: string): { kind: IdKind; payload: number } | undefined {
    if (!/^\d{1,20}$/.test(id)) return undefined;
    for (const [kind, affine] of this.#affine) {
      const { prefix, aInverse, b, b2, modulus, digits } = affine;
      if (id.length !== prefix.length + digits || !id.startsWith(prefix)) continue;
      const y = Number(id.slice(prefix.length));
      const inner = reverseDigits(mulMod(mod(y - b2 + modulus, modulus), aInverse, modulus), digits);
      return { kind, payload: mulMod(mod(inner - b + modulus, modulus), aInverse, modulus) };
    }
    return undefined;
  }
}

/** A stable hashtag id for a name: `17843` + 12 digits, independent of the seed. */
export function hashtagIdFor(name: string): string {
  const high = hashKeys(['hashtag', name]) % 1_000_000;
  const low = hashKeys([name, 'hashtag']) % 1_000_000;
  return HASHTAG_ID_PREFIX + String(high).padStart(6, '0') + String(low).padStart(6, '0');
}

/** Comment payload: account (≤ 99) · media index (< 10^7) · top-level index (< 1000) · reply (0 = top level, 1..99). */
export function packComment(account: number, media: number, comment: number, reply: number): number {
  return ((account * 10_000_000 + media) * 1000 + comment) * 100 + reply;
}

export function unpackComment(payload: number): { account: number; media: number; comment: number; reply: number } {
  const reply = payload % 100;
  const rest = Math.floor(payload / 100);
  const comment = rest % 1000;
  const rest2 = Math.floor(rest / 1000);
  return { account: Math.floor(rest2 / 10_000_000), media: rest2 % 10_000_000, comment, reply };
}
