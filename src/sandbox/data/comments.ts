/**
 * Lazy comments. The comments of media i are described by a small plan (how many top-level comments,
 * how many replies each), computed from (seed, account, i) and cached in a bounded LRU; comment c /
 * reply r is then built on demand. Top-level comments are numbered newest first (c = 0 is the newest,
 * the order of the `comments` edge); replies are numbered oldest first (r = 1 is the first reply).
 */
import { packComment } from './ids.js';
import { commentTotalFor } from './comment-counts.js';
import { mediaTimestamp } from './media.js';
import { GeneratedComment } from './generated-comment.js';
import { keyState, rngFor } from './rng.js';
import type { IgAccountRecord, World } from './world.js';

export interface CommentPlan {
  readonly total: number;
  readonly topLevel: number;
  /** replies[c] = number of replies of top-level comment c. */
  readonly replies: Uint8Array;
  readonly mediaTimestampMs: number;
  /** Time span over which the top-level comments were written. */
  readonly windowMs: number;
  /** Hash states after (seed, 'comment', account, media) and (seed, 'comment-author', account, media): see rngAfter. */
  readonly commentKeys: number;
  readonly authorKeys: number;
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
    const commentKeys = keyState(world.seed, 'comment', account.index, mediaIndex);
    const authorKeys = keyState(world.seed, 'comment-author', account.index, mediaIndex);
    return { total, topLevel, replies, mediaTimestampMs, windowMs, commentKeys, authorKeys };
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
    return new GeneratedComment(world, account, plan, mediaIndex, c, r, {
      id: world.ids.encode('comment', packComment(account.index, mediaIndex, c, r)),
      mediaId: this.#mediaIdOf(account, mediaIndex),
      parentId: r === 0 ? undefined : world.ids.encode('comment', packComment(account.index, mediaIndex, c, 0)),
    });
  }
}
