/**
 * Hashtags and the public media found through them. Hashtag ids are static and global (a hash of the
 * name, as on Instagram); the catalogue starts with the caption vocabulary and grows when
 * `ig_hashtag_search` meets a new name. `top_media` is a fixed, lazily generated list per hashtag;
 * `recent_media` has one media per time slot in the 24 h before "now", so new media appear as the
 * clock moves and old ones drop out.
 */
import { hashtagIdFor } from './ids.js';
import type { MediaRecord, MediaType } from './media-record.js';
import { igPk, statsFor } from './media.js';
import { hashKeys, rngFor } from './rng.js';
import { captionFor, HASHTAG_VOCABULARY, shortcodeOf } from './text.js';
import { CDN_ORIGIN, type World } from './world.js';

export interface HashtagRecord {
  readonly index: number;
  readonly id: string;
  readonly name: string;
}

const MAX_HASHTAGS = 10_000;
const DAY = 24 * 3600_000;
const KIND_TOP = 0;
const KIND_RECENT = 1;
/** Carousel children of top (2) and recent (3) media: n = parent n · 10 + child. */
const CHILD_OFFSET = 2;

export class HashtagCatalog {
  readonly #world: World;
  readonly #byId = new Map<string, HashtagRecord>();
  readonly #byName = new Map<string, HashtagRecord>();
  readonly #byIndex: HashtagRecord[] = [];

  constructor(world: World) {
    this.#world = world;
    for (const name of HASHTAG_VOCABULARY) this.intern(name);
  }

  /** The hashtag with this (already normalised) name, added to the catalogue if new. */
  intern(name: string): HashtagRecord {
    const known = this.#byName.get(name);
    if (known !== undefined) return known;
    if (this.#byIndex.length >= MAX_HASHTAGS) throw new RangeError('hashtag catalogue is full');
    const record: HashtagRecord = { index: this.#byIndex.length, id: hashtagIdFor(name), name };
    this.#byIndex.push(record);
    this.#byId.set(record.id, record);
    this.#byName.set(name, record);
    return record;
  }

  byId(id: string): HashtagRecord | undefined {
    return this.#byId.get(id);
  }

  byName(name: string): HashtagRecord | undefined {
    return this.#byName.get(name);
  }

  byIndex(index: number): HashtagRecord | undefined {
    return this.#byIndex[index];
  }

  /** Number of `top_media` items of a hashtag (30–150). */
  topCount(tag: HashtagRecord): number {
    return 30 + (hashKeys([this.#world.seed, 'top-count', tag.name]) % 121);
  }

  /** Minutes between two recent posts of a hashtag (15–120). */
  #slotMs(tag: HashtagRecord): number {
    return (15 + (hashKeys(['slot', tag.name]) % 106)) * 60_000;
  }

  /** Slot numbers of the recent media in the 24 h before nowMs, newest first. */
  recentSlots(tag: HashtagRecord, nowMs: number): number[] {
    const slotMs = this.#slotMs(tag);
    const slots: number[] = [];
    for (let slot = Math.floor(nowMs / slotMs); slot * slotMs > nowMs - DAY; slot--) {
      if (this.#recentTime(tag, slot, slotMs) <= nowMs) slots.push(slot);
    }
    return slots;
  }

  #recentTime(tag: HashtagRecord, slot: number, slotMs: number): number {
    const jitter = hashKeys([this.#world.seed, 'recent-jitter', tag.name, slot]) % slotMs;
    return Math.floor((slot * slotMs + jitter) / 1000) * 1000;
  }

  topMediaAt(tag: HashtagRecord, rank: number): MediaRecord | undefined {
    if (rank < 0 || rank >= this.topCount(tag) || rank >= 100_000_000) return undefined;
    const rng = rngFor(this.#world.seed, 'top-media', tag.name, rank);
    const timestampMs = this.#world.anchorMs - Math.round((rng.next() * 30 * DAY) / 1000) * 1000;
    return this.#media(tag, KIND_TOP, rank, timestampMs, 20000 + rng.int(400000));
  }

  recentMediaAt(tag: HashtagRecord, slot: number): MediaRecord | undefined {
    if (slot < 0 || slot >= 100_000_000) return undefined;
    return this.#media(tag, KIND_RECENT, slot, this.#recentTime(tag, slot, this.#slotMs(tag)), 300 + (hashKeys([slot, tag.name]) % 5000));
  }

  /** A hashtag media by its id payload (see ids.ts: kind · hashtag index · rank or slot). */
  mediaByPayload(payload: number): MediaRecord | undefined {
    const kind = Math.floor(payload / 10 ** 13);
    const tag = this.byIndex(Math.floor(payload / 10 ** 9) % 10_000);
    const n = payload % 10 ** 9;
    if (tag === undefined) return undefined;
    if (kind === KIND_TOP) return this.topMediaAt(tag, n);
    if (kind === KIND_RECENT) return this.recentMediaAt(tag, n);
    if (kind === KIND_TOP + CHILD_OFFSET || kind === KIND_RECENT + CHILD_OFFSET) {
      const parentN = Math.floor(n / 10);
      const parent = kind === KIND_TOP + CHILD_OFFSET ? this.topMediaAt(tag, parentN) : this.recentMediaAt(tag, parentN);
      return parent === undefined ? undefined : this.childAt(parent, n % 10);
    }
    return undefined;
  }

  /** Child c of a hashtag carousel (undefined when out of range). */
  childAt(album: MediaRecord, child: number): MediaRecord | undefined {
    const decoded = this.#world.ids.decode(album.id);
    if (decoded?.kind !== 'hashtagMedia' || child < 0 || child >= album.childCount) return undefined;
    const kind = Math.floor(decoded.payload / 10 ** 13);
    const tagIndex = Math.floor(decoded.payload / 10 ** 9) % 10_000;
    const world = this.#world;
    world.counters.media++;
    const rng = rngFor(world.seed, 'hashtag-child', album.id, child);
    const mediaType: MediaType = rng.chance(0.8) ? 'IMAGE' : 'VIDEO';
    const timestampMs = album.timestampMs - 1000;
    const pk = igPk(timestampMs, rng.int(0x7fffff));
    const igId = pk.toString();
    const shortcode = shortcodeOf(pk);
    return {
      kind: 'child', id: world.ids.encode('hashtagMedia', (kind + CHILD_OFFSET) * 10 ** 13 + tagIndex * 10 ** 9 + album.index * 10 + child),
      accountIndex: undefined, index: child, parentId: album.id, mediaType, productType: 'FEED', timestampMs, igId, shortcode,
      permalink: `https://www.instagram.com/p/${shortcode}/`, ...mediaUrls(mediaType, igId),
      isCommentEnabled: false, likesHidden: false, countsHidden: false, sharedToFacebook: false, childCount: 0, stats: undefined,
    };
  }

  #media(tag: HashtagRecord, kind: number, n: number, timestampMs: number, followers: number): MediaRecord {
    const world = this.#world;
    world.counters.media++;
    const rng = rngFor(world.seed, 'hashtag-media', tag.name, kind, n);
    const draw = rng.next();
    const mediaType: MediaType = draw < 0.65 ? 'IMAGE' : draw < 0.8 ? 'CAROUSEL_ALBUM' : 'VIDEO';
    const reel = mediaType === 'VIDEO' && rng.chance(0.6);
    const pk = igPk(timestampMs, rng.int(0x7fffff));
    const igId = pk.toString();
    const shortcode = shortcodeOf(pk);
    const comments = rng.int(80);
    const childCount = mediaType === 'CAROUSEL_ALBUM' ? rng.between(2, 5) : 0;
    const album: MediaRecord = {
      kind: 'hashtagMedia', id: world.ids.encode('hashtagMedia', kind * 10 ** 13 + tag.index * 10 ** 9 + n), accountIndex: undefined,
      index: n, mediaType, productType: reel ? 'REELS' : 'FEED', timestampMs, caption: captionFor(rng, tag.name), igId, shortcode,
      permalink: `https://www.instagram.com/${reel ? 'reel' : 'p'}/${shortcode}/`, ...mediaUrls(mediaType === 'CAROUSEL_ALBUM' ? 'IMAGE' : mediaType, igId),
      isCommentEnabled: true, isSharedToFeed: reel ? true : undefined, likesHidden: rng.chance(0.1), countsHidden: rng.chance(0.1),
      sharedToFacebook: false, childCount, stats: statsFor(rng, followers, reel ? 'REELS' : 'FEED', comments, false),
    };
    return childCount === 0 ? album : { ...album, mediaUrl: this.childAt(album, 0)?.mediaUrl };
  }
}

function mediaUrls(mediaType: MediaType, igId: string): { mediaUrl: string; thumbnailUrl?: string } {
  return mediaType === 'VIDEO'
    ? { mediaUrl: `${CDN_ORIGIN}/o1/v/t16/f2/m86/${igId}_n.mp4`, thumbnailUrl: `${CDN_ORIGIN}/v/t51.29350-15/${igId}_thumb_n.jpg` }
    : { mediaUrl: `${CDN_ORIGIN}/v/t51.29350-15/${igId}_n.jpg` };
}

/** `#Coffee ` → `coffee`; undefined when it is not a hashtag name. */
export function normaliseHashtag(q: string): string | undefined {
  const name = q.trim().replace(/^#/, '').toLowerCase();
  return /^[\p{L}\p{N}_]{1,100}$/u.test(name) ? name : undefined;
}
