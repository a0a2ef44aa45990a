/**
 * IG professional accounts (`/{ig-user-id}`) and their edges: media (since/until, the 10K read cap),
 * stories (24 h), tags (cursors only), recently_searched_hashtags, content_publishing_limit, live_media,
 * plus the `business_discovery.username(x){…}` field. Only accounts linked to the caller's Pages can
 * be read directly; others are reachable through business discovery, tags and hashtags.
 */
import type { SandboxApp, Viewer } from '../context.js';
import type { IgAccountRecord } from '../data/world.js';
import { arraySource, emptySource } from '../data/list-source.js';
import type { MediaRecord } from '../data/media-record.js';
import { noPermission } from '../graph-error.js';
import { timeWindow } from '../paging/time.js';
import { edge, scalar } from './define.js';
import { businessDiscoveryField } from './business-discovery.js';
import { mentionFields } from './mentions.js';
import type { FieldDef } from './node-registry.js';

const DAY_MS = 86_400_000;
const SEARCH_WINDOW_MS = 7 * DAY_MS;

/** The profile fields; `public` ones are also what business discovery may return. */
export function igUserProfileFields(app: SandboxApp): { all: Record<string, FieldDef<IgAccountRecord>>; public: ReadonlySet<string> } {
  const all: Record<string, FieldDef<IgAccountRecord>> = {
    ig_id: scalar((a) => a.igId),
    username: scalar((a) => a.username),
    name: scalar((a) => a.name),
    biography: scalar((a) => a.biography),
    website: scalar((a) => a.website),
    profile_picture_url: scalar((a) => a.profilePictureUrl),
    followers_count: scalar((a) => a.followersCount),
    follows_count: scalar((a) => a.followsCount),
    media_count: scalar((a) => app.data.mediaList(a).total),
    has_profile_pic: scalar(() => true),
    is_published: scalar(() => true),
    legacy_instagram_user_id: scalar((a) => String(a.igId)),
    shopping_product_tag_eligibility: scalar(() => false),
  };
  return { all, public: new Set(['ig_id', 'username', 'name', 'biography', 'website', 'profile_picture_url', 'followers_count', 'follows_count', 'media_count']) };
}

/** IG reads need `instagram_basic`; only the caller's own accounts can be read directly. */
export function canReadAccount(account: IgAccountRecord, viewer: Viewer): boolean {
  if (!viewer.hasScope('instagram_basic')) throw noPermission();
  return viewer.igAccountIds.has(account.id);
}

export function defineIgUserType(app: SandboxApp): void {
  const profile = igUserProfileFields(app);
  app.nodes.define<IgAccountRecord>({
    name: 'IGUser', graphName: 'ShadowIGUser', pathParam: 'ig-user-id', defaultFields: 'id',
    canRead: (account, viewer) => canReadAccount(account, viewer),
    fields: {
      ...profile.all,
      business_discovery: businessDiscoveryField(app, Object.fromEntries(Object.entries(profile.all).filter(([name]) => profile.public.has(name)))),
      ...mentionFields(app),
    },
    edges: {
      media: edge<IgAccountRecord>({
        itemType: 'IGMedia', defaultFields: 'id', readCap: () => app.options.mediaReadCap,
        list: (account, ctx) => app.data.mediaList(account, timeWindow(ctx.params, app.clock.now())),
      }),
      stories: edge<IgAccountRecord>({
        itemType: 'IGMedia', defaultFields: 'id',
        list: (account) => app.data.stories(account, app.clock.now()),
      }),
      tags: edge<IgAccountRecord>({
        itemType: 'IGMedia', defaultFields: 'id', paging: 'cursors',
        list: (account) => app.data.tagged(account),
      }),
      live_media: edge<IgAccountRecord>({ itemType: 'IGMedia', defaultFields: 'id', list: () => emptySource<MediaRecord>() }),
      recently_searched_hashtags: edge<IgAccountRecord>({
        itemType: 'IGHashtag', defaultFields: 'id', paging: 'cursors', maxLimit: 30,
        list: (account) => {
          const now = app.clock.now();
          const recent = app.data.overlay.searches(account.id).filter((s) => s.atMs > now - SEARCH_WINDOW_MS && s.atMs <= now);
          return arraySource(recent.map((s) => app.data.lookup(s.hashtagId)?.record).filter((h) => h !== undefined));
        },
      }),
      content_publishing_limit: edge<IgAccountRecord>({
        itemType: 'ContentPublishingLimit', defaultFields: 'quota_usage', paging: 'none',
        list: (account, ctx) => {
          const now = app.clock.now();
          const since = timeWindow(ctx.params, now).sinceMs ?? now - DAY_MS;
          const published = app.data.overlay.listed(`${account.id}/media`)
            .map((id) => app.data.lookup(id)?.record as MediaRecord | undefined)
            .filter((m) => m !== undefined && m.kind === 'overlay' && m.timestampMs >= since && m.timestampMs <= now).length;
          return arraySource([{ quotaUsage: published, quotaTotal: app.options.publishingQuota, quotaDuration: 86_400 }]);
        },
      }),
    },
  });

  app.nodes.define<{ quotaUsage: number; quotaTotal: number; quotaDuration: number }>({
    name: 'ContentPublishingLimit', graphName: 'ShadowIGUserContentPublishingLimit', pathParam: '', defaultFields: 'quota_usage', hasId: false,
    fields: {
      quota_usage: scalar((l) => l.quotaUsage),
      config: scalar((l) => ({ quota_total: l.quotaTotal, quota_duration: l.quotaDuration })),
    },
    edges: {},
  });
}
