/**
 * A generated comment whose identity (ids, position, reply count) is computed at once and whose
 * content (text, time, author, likes, hidden) is drawn from its RNG stream on first read. Scans that
 * read only `id` (`comments{id}`) then never pay for the content; the values are the same either way.
 * Spread it with {@link plainComment} (its content lives in getters, which `{ ...x }` does not copy).
 */
import type { CommentPlan, CommentRecord } from './comments.js';
import { mixKey, rngAfter } from './rng.js';
import { commentText, fanCode, fanName, replyText } from './text.js';
import { fanIgsid } from './igsid.js';
import type { IgAccountRecord, World } from './world.js';

const DAY = 24 * 3600_000;

/** The fields drawn on first read. */
type Content = Pick<CommentRecord, 'text' | 'timestampMs' | 'username' | 'fromId' | 'byOwner' | 'likeCount' | 'hidden'>;

function drawContent(world: World, account: IgAccountRecord, plan: CommentPlan, c: number, r: number): Content {
  const replyCount = plan.replies[c]!;
  const rng = rngAfter(mixKey(mixKey(plan.commentKeys, c), r)); // rngFor(seed, 'comment', account, media, c, r)
  const topTime = plan.mediaTimestampMs + Math.round((plan.windowMs * (plan.topLevel - c)) / (plan.topLevel + 1) / 1000) * 1000;
  const topCode = fanCode(rngAfter(mixKey(plan.authorKeys, c))); // rngFor(seed, 'comment-author', account, media, c)
  const topAuthor = fanName(topCode);
  const byOwner = r === 0 ? rng.chance(0.03) : rng.chance(0.3);
  const fan = byOwner ? -1 : r === 0 ? topCode : fanCode(rng);
  const username = byOwner ? account.username : fanName(fan);
  let timestampMs = topTime;
  if (r > 0) {
    const span = Math.max(1000, Math.min(DAY, world.anchorMs - topTime));
    timestampMs = topTime + Math.round((span * r) / (replyCount + 1) / 1000) * 1000;
  }
  const text = r === 0 ? commentText(rng, account.username) : replyText(rng, topAuthor);
  const likeCount = rng.chance(0.5) ? 0 : Math.floor(-Math.log(1 - rng.next()) * 3);
  const hidden = !byOwner && rng.chance(0.04);
  return { text, timestampMs, username, fromId: byOwner ? account.id : fanIgsid(fan), byOwner, likeCount, hidden };
}

export class GeneratedComment implements CommentRecord {
  readonly id: string;
  readonly accountIndex: number;
  readonly mediaIndex: number;
  readonly mediaId: string;
  readonly comment: number;
  readonly reply: number;
  readonly parentId: string | undefined;
  readonly replyCount: number;
  readonly #world: World;
  readonly #account: IgAccountRecord;
  readonly #plan: CommentPlan;
  #content: Content | undefined;

  constructor(world: World, account: IgAccountRecord, plan: CommentPlan, mediaIndex: number, c: number, r: number, ids: { id: string; mediaId: string; parentId: string | undefined }) {
    this.id = ids.id;
    this.accountIndex = account.index;
    this.mediaIndex = mediaIndex;
    this.mediaId = ids.mediaId;
    this.comment = c;
    this.reply = r;
    this.parentId = ids.parentId;
    this.replyCount = r === 0 ? plan.replies[c]! : 0;
    this.#world = world;
    this.#account = account;
    this.#plan = plan;
  }

  #drawn(): Content {
    return (this.#content ??= drawContent(this.#world, this.#account, this.#plan, this.comment, this.reply));
  }

  get text(): string { return this.#drawn().text; }
  get timestampMs(): number { return this.#drawn().timestampMs; }
  get username(): string { return this.#drawn().username; }
  get fromId(): string { return this.#drawn().fromId; }
  get byOwner(): boolean { return this.#drawn().byOwner; }
  get likeCount(): number { return this.#drawn().likeCount; }
  get hidden(): boolean { return this.#drawn().hidden; }
}

/** The record as a plain object (every field an own property), e.g. to spread a patch over it. */
export function plainComment(record: CommentRecord): CommentRecord {
  if (!(record instanceof GeneratedComment)) return record;
  const { id, accountIndex, mediaIndex, mediaId, comment, reply, parentId, text, timestampMs, username, fromId, byOwner, likeCount, hidden, replyCount } = record;
  return { id, accountIndex, mediaIndex, mediaId, comment, reply, parentId, text, timestampMs, username, fromId, byOwner, likeCount, hidden, replyCount };
}
