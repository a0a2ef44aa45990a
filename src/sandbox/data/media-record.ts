/**
 * The shape of a generated (or overlay) media object and its deterministic numbers. Field getters in
 * nodes/ig-media.ts turn a record into Graph fields; stage 2's insights read `stats` so that metrics
 * agree with `like_count` / `comments_count`.
 */

export type MediaType = 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
export type MediaProductType = 'FEED' | 'REELS' | 'STORY';
export type MediaKind = 'media' | 'child' | 'story' | 'hashtagMedia' | 'overlay';

/** Per-media numbers. `likes` is `like_count`; `comments` is `comments_count` before overlay writes. */
export interface MediaStats {
  readonly likes: number;
  /** Top-level comments plus replies, as `comments_count` counts them. */
  readonly comments: number;
  readonly saved: number;
  readonly shares: number;
  readonly reposts: number;
  readonly reach: number;
  readonly views: number;
  readonly follows: number;
  readonly profileVisits: number;
  /** Stories only (0 otherwise). */
  readonly replies: number;
  readonly linkClicks: number;
  /** Reels: average and total watch time, ms; skip rate in percent. 0 for other media. */
  readonly avgWatchTimeMs: number;
  readonly totalWatchTimeMs: number;
  readonly skipRate: number;
  /** Views on Facebook when the reel/post was cross-posted (0 when `sharedToFacebook` is false). */
  readonly facebookViews: number;
}

export interface MediaRecord {
  readonly kind: MediaKind;
  readonly id: string;
  /** The IG account (index in world.igAccounts) that posted it; undefined for hashtag media. */
  readonly accountIndex: number | undefined;
  /** Position key: media index (0 = newest), story index, child index, or hashtag rank/slot. */
  readonly index: number;
  /** Carousel children: the album's id and the child's position. */
  readonly parentId?: string;
  readonly mediaType: MediaType;
  readonly productType: MediaProductType;
  readonly timestampMs: number;
  readonly caption?: string;
  /** Legacy Instagram media id (the pk, 19 digits), a string as in the fixtures. */
  readonly igId: string;
  readonly shortcode: string;
  readonly permalink: string;
  /** Omitted for copyrighted reels; a carousel's is its first child's. */
  readonly mediaUrl?: string;
  readonly thumbnailUrl?: string;
  readonly altText?: string;
  readonly isCommentEnabled: boolean;
  /** Reels only. */
  readonly isSharedToFeed?: boolean;
  /** The owner hides like counts: `like_count` is left out when reached through an edge. */
  readonly likesHidden: boolean;
  /** The owner hides the Apr-2026 `*_count` fields (reposts/saved/shares/total_*). */
  readonly countsHidden: boolean;
  readonly sharedToFacebook: boolean;
  /** Carousel albums: number of children (2–10); 0 otherwise. */
  readonly childCount: number;
  /** Undefined for carousel children (no insights, no counts). */
  readonly stats: MediaStats | undefined;
}
