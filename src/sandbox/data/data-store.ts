/**
 * The one door to the sandbox's data: generated objects (world, media, comments, hashtags) merged
 * with the run-time {@link Overlay}. Route handlers and field getters read only through it.
 *
 *   lookup(id)                        any object by id → { type, id, record } (node type name + record)
 *   mediaList(account, {since,until}) the `/media` edge (overlay-published first, then generated)
 *   children(media) · stories(account, nowMs) · tagged(account) · comments(media) · replies(comment)
 *   topMedia(tag) · recentMedia(tag, nowMs)
 *   mediaStats(media)                 per-media numbers, with overlay counter adjustments
 */
import { CommentGenerator, type CommentRecord } from './comments.js';
import { plainComment } from './generated-comment.js';
import { HashtagCatalog, type HashtagRecord } from './hashtags.js';
import { unpackComment } from './ids.js';
import { arraySource, concatSources, emptySource, lazySource, type ListSource, withoutPositions } from './list-source.js';
import type { MediaRecord, MediaStats } from './media-record.js';
import { childAt, mediaAt, mediaIndexRange, storyAt } from './media.js';
import { Overlay } from './overlay.js';
import { generatedNode, taggedMedia } from './generated-node.js';
import { createWorld, type IgAccountRecord, type PageRecord, type UserRecord, type World, type WorldOptions } from './world.js';

/** An object of the graph: its node type name (see nodes/), id and record. */
export interface GraphNode<R = unknown> {
  readonly type: string;
  readonly id: string;
  readonly record: R;
}

const DAY = 24 * 3600_000;

export class DataStore {
  readonly world: World;
  readonly overlay: Overlay;
  readonly hashtags: HashtagCatalog;
  readonly commentGenerator: CommentGenerator;
  readonly #tagged = new Map<number, MediaRecord[]>();

  constructor(options: WorldOptions) {
    this.world = createWorld(options);
    this.overlay = new Overlay(this.world.ids);
    this.hashtags = new HashtagCatalog(this.world);
    this.commentGenerator = new CommentGenerator(this.world);
  }

  /** Any object by id, overlay first; undefined when it does not exist (or was deleted). */
  lookup(id: string): GraphNode | undefined {
    if (this.overlay.isDeleted(id)) return undefined;
    const created = this.overlay.get(id);
    if (created !== undefined) return { type: created.type, id, record: this.#finish(created.type, id, created.record) };
    const hashtag = this.hashtags.byId(id);
    if (hashtag !== undefined) return { type: 'IGHashtag', id, record: hashtag };
    const decoded = this.world.ids.decode(id);
    if (decoded === undefined) return undefined;
    const found = generatedNode(this.world, this.hashtags, this.commentGenerator, decoded.kind, decoded.payload);
    return found === undefined ? undefined : { type: found[0], id, record: this.#finish(found[0], id, found[1]) };
  }

  /** Applies the overlay's patch and counter adjustments to a record of node type `type`. */
  #finish<R>(type: string, id: string, record: R): R {
    const patch = this.overlay.patchOf(id);
    let out: R = patch === undefined ? record : ({ ...(type === 'IGComment' ? plainComment(record as CommentRecord) : record), ...patch } as R);
    if (type === 'IGMedia') {
      const media = out as MediaRecord;
      const delta = this.overlay.adjustment(id, 'comments');
      if (delta !== 0 && media.stats !== undefined) out = { ...media, stats: { ...media.stats, comments: media.stats.comments + delta } } as R;
    } else if (type === 'IGComment') {
      const delta = this.overlay.adjustment(id, 'replies');
      if (delta !== 0) out = { ...plainComment(out as CommentRecord), replyCount: (out as CommentRecord).replyCount + delta } as R;
    }
    return out;
  }

  /**
   * An edge: overlay items (`overlay.listed(edgeKey)`) and the generated ones, deleted ones removed,
   * patches applied. `positionOfId` maps a deleted generated id to its position in `generated`.
   */
  #merged<T extends { id: string }>(
    edgeKey: string, type: string, generated: ListSource<T>,
    positionOfId: (id: string) => number | undefined, added: 'front' | 'back' = 'front', keep: (item: T) => boolean = () => true,
  ): ListSource<T> {
    let extra = this.overlay.listed(edgeKey)
      .map((id) => this.lookup(id))
      .filter((n): n is GraphNode => n !== undefined && n.type === type)
      .map((n) => n.record as T)
      .filter(keep);
    const removed = this.overlay.deletedIds().map(positionOfId).filter((p): p is number => p !== undefined);
    const finished: ListSource<T> = {
      total: generated.total,
      slice: (start, end) => generated.slice(start, end).map((item) => this.#finish(type, item.id, item)),
    };
    const base = withoutPositions(finished, removed);
    if (extra.length === 0) return base;
    if (added === 'back') extra = extra.reverse();
    return added === 'front' ? concatSources(arraySource(extra), base) : concatSources(base, arraySource(extra));
  }

  igAccount(index: number): IgAccountRecord | undefined {
    return this.world.igAccounts[index];
  }

  igAccountByUsername(username: string): IgAccountRecord | undefined {
    const wanted = username.toLowerCase();
    return this.world.igAccounts.find((a) => a.username === wanted);
  }

  page(index: number): PageRecord | undefined {
    return this.world.pages[index];
  }

  /** Pages on which the user (or system user) has a role, with its tasks. */
  pagesOf(user: UserRecord): { page: PageRecord; tasks: readonly string[] }[] {
    return user.roles.flatMap((role) => {
      const page = this.world.pages[role.pageIndex];
      return page === undefined ? [] : [{ page, tasks: role.tasks }];
    });
  }

  /** The `/media` edge: newest first, optionally limited to since ≤ timestamp ≤ until (epoch ms). */
  mediaList(account: IgAccountRecord, window: { sinceMs?: number; untilMs?: number } = {}): ListSource<MediaRecord> {
    const [start, end] = mediaIndexRange(this.world, account, window.sinceMs, window.untilMs);
    const generated = lazySource(end - start, (p) => mediaAt(this.world, account, start + p));
    const inWindow = (m: MediaRecord): boolean =>
      (window.sinceMs === undefined || m.timestampMs >= window.sinceMs) && (window.untilMs === undefined || m.timestampMs <= window.untilMs);
    return this.#merged(`${account.id}/media`, 'IGMedia', generated, (id) => {
      const d = this.world.ids.decode(id);
      if (d?.kind !== 'media' || Math.floor(d.payload / 100_000_000) !== account.index) return undefined;
      return (d.payload % 100_000_000) - start;
    }, 'front', inWindow);
  }

  children(album: MediaRecord): ListSource<MediaRecord> {
    if (album.kind === 'hashtagMedia') return lazySource(album.childCount, (c) => this.hashtags.childAt(album, c)!);
    const account = album.accountIndex === undefined ? undefined : this.world.igAccounts[album.accountIndex];
    if (album.kind !== 'media' || account === undefined) return this.#merged(`${album.id}/children`, 'IGMedia', emptySource(), () => undefined);
    return lazySource(album.childCount, (c) => childAt(this.world, account, album.index, c, { id: album.id, timestampMs: album.timestampMs }));
  }

  /** Stories posted in the 24 h before nowMs, newest first. */
  stories(account: IgAccountRecord, nowMs: number): ListSource<MediaRecord> {
    const live = (m: MediaRecord): boolean => m.timestampMs <= nowMs && m.timestampMs > nowMs - DAY;
    const generated: MediaRecord[] = [];
    for (let s = 0; s < account.storyCount; s++) generated.push(storyAt(this.world, account, s));
    const visible = generated.filter((m) => live(m) && !this.overlay.isDeleted(m.id));
    const merged = this.#merged(`${account.id}/stories`, 'IGMedia', arraySource(visible), () => undefined);
    return arraySource(merged.slice(0, merged.total).filter(live));
  }

  /** Media of public accounts in which the account is tagged, newest first. */
  tagged(account: IgAccountRecord): ListSource<MediaRecord> {
    let list = this.#tagged.get(account.index);
    if (list === undefined) {
      list = taggedMedia(this.world, account);
      this.#tagged.set(account.index, list);
    }
    return arraySource(list.filter((m) => !this.overlay.isDeleted(m.id)).map((m) => this.#finish('IGMedia', m.id, m)));
  }

  /** Top-level comments of a media, newest first. */
  comments(media: MediaRecord): ListSource<CommentRecord> {
    const account = media.accountIndex === undefined ? undefined : this.world.igAccounts[media.accountIndex];
    const generated = media.kind === 'media' && account !== undefined
      ? lazySource(this.commentGenerator.plan(account, media.index).topLevel, (c) => this.commentGenerator.comment(account, media.index, c, 0)!)
      : emptySource<CommentRecord>();
    return this.#merged(`${media.id}/comments`, 'IGComment', generated, (id) => {
      const d = this.world.ids.decode(id);
      if (d?.kind !== 'comment' || account === undefined) return undefined;
      const c = unpackComment(d.payload);
      return c.account === account.index && c.media === media.index && c.reply === 0 ? c.comment : undefined;
    });
  }

  /** Replies of a top-level comment, oldest first (new overlay replies come last). */
  replies(comment: CommentRecord): ListSource<CommentRecord> {
    const account = this.world.igAccounts[comment.accountIndex];
    const generated = comment.reply === 0 && account !== undefined && comment.mediaIndex >= 0
      ? lazySource(this.commentGenerator.plan(account, comment.mediaIndex).replies[comment.comment] ?? 0,
        (r) => this.commentGenerator.comment(account, comment.mediaIndex, comment.comment, r + 1)!)
      : emptySource<CommentRecord>();
    return this.#merged(`${comment.id}/replies`, 'IGComment', generated, (id) => {
      const d = this.world.ids.decode(id);
      if (d?.kind !== 'comment') return undefined;
      const c = unpackComment(d.payload);
      return c.account === comment.accountIndex && c.media === comment.mediaIndex && c.comment === comment.comment && c.reply > 0 ? c.reply - 1 : undefined;
    }, 'back');
  }

  topMedia(tag: HashtagRecord): ListSource<MediaRecord> {
    return lazySource(this.hashtags.topCount(tag), (rank) => this.hashtags.topMediaAt(tag, rank)!);
  }

  recentMedia(tag: HashtagRecord, nowMs: number): ListSource<MediaRecord> {
    const slots = this.hashtags.recentSlots(tag, nowMs);
    return lazySource(slots.length, (p) => this.hashtags.recentMediaAt(tag, slots[p]!)!);
  }

  /**
   * Per-media numbers (likes, comments, reach, views, ...) of a record obtained from this store (so
   * with overlay adjustments applied); undefined for carousel children.
   */
  mediaStats(media: MediaRecord): MediaStats | undefined {
    return media.stats;
  }
}
