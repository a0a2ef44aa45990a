/**
 * Deterministic randomness for the lazy generator. Every generated thing draws from its own stream,
 * keyed by the seed and the thing's coordinates (`rngFor(seed, 'media', account, index)`), so media i
 * of account a is the same whether or not anything else was generated before it.
 */

const PRIME = 0x01000193;

/** The FNV-1a state after `text`'s UTF-16 code units (building block of hashKeys for precomputed prefixes). */
export function fnvText(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, PRIME);
  }
  return h;
}

/** hashKeys's start state, and its per-key steps: a string key is `$` + text + 0x2c. */
export const HASH_START = 0x811c9dc5;
export const openStringKey = (hash: number): number => Math.imul(hash ^ 0x24, PRIME);
export const closeKey = (hash: number): number => Math.imul(hash ^ 0x2c, PRIME);

/** FNV-1a over `#<number>` or `$<string>`, then the separator 0x2c (the per-key step of hashKeys). */
export function mixKey(hash: number, key: number | string): number {
  let h = hash;
  const text = typeof key === 'number' ? String(key) : key;
  h ^= typeof key === 'number' ? 0x23 : 0x24; // '#' or '$'
  h = Math.imul(h, PRIME);
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, PRIME);
  }
  h ^= 0x2c;
  return Math.imul(h, PRIME);
}

/** A 32-bit hash of a list of keys (numbers and strings). */
export function hashKeys(keys: readonly (number | string)[]): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < keys.length; i++) h = mixKey(h, keys[i]!);
  return fmix32(h);
}

export function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A seeded pseudo-random stream (sfc32). */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An integer in [min, max]. */
  between(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
}

/** sfc32 over plain integer state: one object per stream, no closures (the generator makes millions). */
class Sfc32 implements Rng {
  a: number;
  b: number;
  c: number;
  d = 1;

  constructor(a: number, b: number, c: number) {
    this.a = a;
    this.b = b;
    this.c = c;
    for (let i = 0; i < 8; i++) this.next();
  }

  next(): number {
    const a = this.a >>> 0;
    const b = this.b >>> 0;
    const c = this.c >>> 0;
    const d = this.d >>> 0;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const rotated = (c << 21) | (c >>> 11);
    this.c = (rotated + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }
}

export function rngFor(...keys: (number | string)[]): Rng {
  let h = HASH_START;
  for (let i = 0; i < keys.length; i++) h = mixKey(h, keys[i]!);
  return rngAfter(h);
}

/**
 * rngFor(...keys) from the hash state after mixing the keys (`mixKey` over them from HASH_START):
 * lets hot generators mix a shared prefix of keys once. hashKeys(keys), hashKeys([...keys, 'b'])
 * and hashKeys([...keys, 'c']) share that state.
 */
export function rngAfter(state: number): Rng {
  return new Sfc32(fmix32(state), fmix32(mixKey(state, 'b')), fmix32(mixKey(state, 'c')));
}

/** The hash state after `keys` (for {@link rngAfter}). */
export function keyState(...keys: (number | string)[]): number {
  let h = HASH_START;
  for (let i = 0; i < keys.length; i++) h = mixKey(h, keys[i]!);
  return h;
}

/** A float in [0,1) that depends only on the keys (one draw, no stream). */
export function unitFor(...keys: (number | string)[]): number {
  return hashKeys(keys) / 4294967296;
}
