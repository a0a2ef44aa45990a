/**
 * Lazy comments. The comments of media i are described by a small plan (how many top-level comments,
 * how many replies each), computed from (seed, account, i) and cached in a bounded LRU; comment c /
 * reply r is then built on demand. Top-level comments are numbered newest first (c = 0 is the newest,
 * the order of the `comments` edge); replies are numbered oldest first (r = 1 is the first reply).
 */
import { packComment } from './ids.js';
import { commentTotalFor } from './comment-counts.js';
import { mediaTimestamp } from './media.js';
import { hashKeys, rngFor } from './rng.js';
import { commentText, fanCode, fanName, replyText } from './text.js';
import type { IgAccountRecord, World } from './world.js';

export interface CommentPlan {
  readonly total: number;
  readonly topLevel: number;
  /** replies[c] = number of replies of top-level comment c. */
  readonly replies: Uint8Array;
  readonly mediaTimestampMs: number;
  /** Time span over which the top-level comments were written. */
  readonly windowMs: number;
}

export interface CommentRecord {
  readonly id: string;
  readonly accountIndex: number;
  readonly mediaIndex: number;
  readonly mediaId: string;
  /** Top-level position (0 = newest). */
  readonly comment: number;
  /** 0 for a top-level comment, 1..99 for replies. */
  readonly reply: number;
  readonly parentId: string | undefined;
  readonly text: string;
  readonly timestampMs: number;
  readonly username: string;
  /** IGSID of the author (the IG user id when the account owner wrote it). */
  readonly fromId: string;
  /** Written by the media owner (the app user): `user` is returned and it can never be hidden. */
  readonly byOwner: boolean;
  readonly likeCount: number;
  readonly hidden: boolean;
  readonly replyCount: number;
}

const MAX_TOP_LEVEL = 999;
const MAX_REPLIES = 99;
const PLAN_CACHE_SIZE = 2048;
const DAY = 24 * 3600_000;

export class CommentGenerator {
  readonly #world: World;
  readonly #plans = new Map<number, CommentPlan>();
  /** The plan asked for last (already the LRU's newest): comments of one media come in runs. */
  #lastKey = -1;
  #lastPlan: CommentPlan | undefined;
  /** The media id of the last media whose comments were built. */
  #mediaKey = -1;
  #mediaId = '';

  constructor(world: World) {
    this.#world = world;
  }

  plan(account: IgAccountRecord, mediaIndex: number): CommentPlan {
    const key = account.index * 10_000_000 + mediaIndex;
    if (key === this.#lastKey && this.#lastPlan !== undefined) return this.#lastPlan;
    let plan = this.#plans.get(key);
    if (plan !== undefined) {
      this.#plans.delete(key);
      this.#plans.set(key, plan);
    } else {
      plan = this.#buildPlan(account, mediaIndex);
      this.#plans.set(key, plan);
      if (this.#plans.size > PLAN_CACHE_SIZE) this.#plans.delete(this.#plans.keys().next().value!);
    }
    this.#lastKey = key;
    this.#lastPlan = plan;
    return plan;
  }

  #mediaIdOf(account: IgAccountRecord, mediaIndex: number): string {
    const payload = account.index * 100_000_000 + mediaIndex;
    if (payload !== this.#mediaKey) {
      this.#mediaId = this.#world.ids.encode('media', payload);
      this.#mediaKey = payload;
    }
    return this.#mediaId;
  }

  #buildPlan(account: IgAccountRecord, mediaIndex: number): CommentPlan {
    const world = this.#world;
    world.counters.commentPlans++;
    const total = commentTotalFor(world, account, mediaIndex);
    const rng = rngFor(world.seed, 'comment-plan', account.index, mediaIndex);
    let replyTotal = total <= 1 ? 0 : Math.floor(total * (0.1 + rng.next() * 0.2));
    let topLevel = total - replyTotal;
    if (topLevel > MAX_TOP_LEVEL) {
      topLevel = MAX_TOP_LEVEL;
      replyTotal = total - topLevel;
    }
    const replies = new Uint8Array(topLevel);
    for (let j = 0; j < replyTotal; j++) {
      let parent = rng.int(topLevel);
      while (replies[parent] === MAX_REPLIES) parent = (parent + 1) % topLevel;
      replies[parent]! += 1;
    }
    const mediaTimestampMs = mediaTimestamp(world, account, mediaIndex);
    const windowMs = Math.max(1000, Math.min(7 * DAY, world.anchorMs - mediaTimestampMs - 1000));
    return { total, topLevel, replies, mediaTimestampMs, windowMs };
  }

  /** Top-level comment c (r = 0) or reply r of it. Undefined when out of range. */
  comment(account: IgAccountRecord, mediaIndex: number, c: number, r: number): CommentRecord | undefined {
    if (mediaIndex < 0 || mediaIndex >= account.mediaTotal) return undefined;
    const plan = this.plan(account, mediaIndex);
    if (c < 0 || c >= plan.topLevel) return undefined;
    const replyCount = plan.replies[c]!;
    if (r < 0 || r > replyCount) return undefined;
    const world = this.#world;
    world.counters.comments++;
    const rng = rngFor(world.seed, 'comment', account.index, mediaIndex, c, r);
    const topTime = plan.mediaTimestampMs + Math.round((plan.windowMs * (plan.topLevel - c)) / (plan.topLevel + 1) / 1000) * 1000;
    const topCode = fanCode(rngFor(world.seed, 'comment-author', account.index, mediaIndex, c));
    const topAuthor = fanName(topCode);
    const byOwner = r === 0 ? rng.chance(0.03) : rng.chance(0.3);
    const fan = byOwner ? -1 : r === 0 ? topCode : fanCode(rng);
    const username = byOwner ? account.username : fanName(fan);
    let timestampMs = topTime;
    if (r > 0) {
      const span = Math.max(1000, Math.min(DAY, world.anchorMs - topTime));
      timestampMs = topTime + Math.round((span * r) / (replyCount + 1) / 1000) * 1000;
    }
    const mediaId = this.#mediaIdOf(account, mediaIndex);
    return {
      id: world.ids.encode('comment', packComment(account.index, mediaIndex, c, r)),
      accountIndex: account.index, mediaIndex, mediaId, comment: c, reply: r,
      parentId: r === 0 ? undefined : world.ids.encode('comment', packComment(account.index, mediaIndex, c, 0)),
      text: r === 0 ? commentText(rng, account.username) : replyText(rng, topAuthor),
      timestampMs, username, fromId: byOwner ? account.id : fanIgsid(fan), byOwner,
      likeCount: rng.chance(0.5) ? 0 : Math.floor(-Math.log(1 - rng.next()) * 3),
      hidden: !byOwner && rng.chance(0.04), replyCount: r === 0 ? replyCount : 0,
    };
  }
}

const fanIgsids = new Map<number, string>();

/** igsidFor(fanName(code)), cached by the fan's code. */
function fanIgsid(code: number): string {
  let igsid = fanIgsids.get(code);
  if (igsid === undefined) {
    if (fanIgsids.size >= 65_536) fanIgsids.clear();
    igsid = igsidFor(fanName(code));
    fanIgsids.set(code, igsid);
  }
  return igsid;
}

/** A stable Instagram-scoped id for a commenter (16 digits, starts with 6). */
export function igsidFor(username: string): string {
  return `6${String(hashKeys(['igsid', username]) % 100_000_000).padStart(8, '0')}${String(hashKeys([username, 'igsid']) % 10_000_000).padStart(7, '0')}`;
}
