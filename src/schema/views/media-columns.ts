/**
 * The IG Media columns shared by Media, Stories, Tags, MediaChildren, HashtagMedia and
 * BusinessDiscoveryMedia. Each view picks the subset its edge can return.
 */
import { col, path, type GraphColumn } from '../graph-columns.js';

export const MEDIA_COLUMNS = {
  Id: col('Id', 'String', 'The media id.', { field: 'id', key: true }),
  Caption: col('Caption', 'String', 'The caption text, with hashtags and @-mentions (absent on carousel children).', { field: 'caption' }),
  MediaType: col('MediaType', 'String', 'IMAGE, VIDEO or CAROUSEL_ALBUM (reels are VIDEO with MediaProductType REELS).', { field: 'media_type' }),
  MediaProductType: col('MediaProductType', 'String', 'Where the media appears: AD, FEED, STORY or REELS.', { field: 'media_product_type' }),
  MediaUrl: col('MediaUrl', 'String', 'URL of the image or video; NULL when the media holds copyrighted material.', { field: 'media_url' }),
  Permalink: col('Permalink', 'String', 'The permanent instagram.com URL of the media.', { field: 'permalink', aliases: ['Link', 'PermanentURL'] }),
  ShortCode: col('ShortCode', 'String', 'The short code of the media (the part of the permalink after /p/).', { field: 'shortcode' }),
  ThumbnailUrl: col('ThumbnailUrl', 'String', 'Thumbnail image URL (videos only).', { field: 'thumbnail_url' }),
  Timestamp: col('Timestamp', 'Datetime', 'When the media was published (UTC).', { field: 'timestamp', aliases: ['Created'] }),
  Username: col('Username', 'String', 'Username of the account that published the media.', { field: 'username' }),
  OwnerId: col('OwnerId', 'String', 'Id of the owning account (only returned for media the app user created).', {
    field: 'owner',
    read: (n) => path(n, 'owner', 'id'),
  }),
  LikeCount: col('LikeCount', 'Integer', 'Number of likes; NULL when the owner hides like counts.', { field: 'like_count', aliases: ['LikesCount'] }),
  CommentsCount: col('CommentsCount', 'Integer', 'Number of comments, replies included (album children excluded).', { field: 'comments_count' }),
  IsCommentEnabled: col('IsCommentEnabled', 'Boolean', 'Whether comments are enabled.', { field: 'is_comment_enabled' }),
  IsSharedToFeed: col('IsSharedToFeed', 'Boolean', 'Reels only: whether the reel also appears in the feed.', { field: 'is_shared_to_feed' }),
  AltText: col('AltText', 'String', 'Alternative text of an image.', { field: 'alt_text' }),
  LegacyInstagramMediaId: col('LegacyInstagramMediaId', 'String', 'The legacy Instagram media id.', {
    field: 'legacy_instagram_media_id',
    aliases: ['IGId'],
  }),
} satisfies Record<string, GraphColumn>;

export type MediaColumnName = keyof typeof MEDIA_COLUMNS;

export function mediaColumns(...names: MediaColumnName[]): GraphColumn[] {
  return names.map((name) => MEDIA_COLUMNS[name]);
}

/** The Media view's full column set, in order. */
export const MEDIA_FIELDS_ALL: MediaColumnName[] = [
  'Id', 'Caption', 'MediaType', 'MediaProductType', 'MediaUrl', 'Permalink', 'ShortCode', 'ThumbnailUrl', 'Timestamp',
  'Username', 'OwnerId', 'LikeCount', 'CommentsCount', 'IsCommentEnabled', 'IsSharedToFeed', 'AltText', 'LegacyInstagramMediaId',
];

export const accountIdColumn = col('AccountId', 'String', 'The IG professional account the row belongs to (a pushed filter: AccountId = ... scans only that account).');
