/**
 * The small, fully materialised part of the data set: the app, Facebook users, businesses, system
 * users, Pages and IG accounts. Media, comments, stories, tags and hashtag media are NOT here; they
 * are computed on demand from (seed, account, index) by media.ts / comments.ts / hashtags.ts.
 */
import { IgsqlError } from '../../errors.js';
import { IdCodec } from './ids.js';
import { hashKeys, rngFor } from './rng.js';
import { PAGE_CATEGORIES } from './text.js';

export const CDN_ORIGIN = 'https://scontent.sandbox.invalid';

export type SandboxSize = 'small' | 'large';

export interface WorldOptions {
  seed: number;
  size: SandboxSize;
  /** Media on the first IG account (overrides the size preset). */
  media?: number;
  /** Comments (top-level + replies) across the first IG account's media (overrides the preset). */
  comments?: number;
  /** The newest generated media is just before this instant (epoch ms); stories are in the 24 h before it. */
  anchorMs: number;
}

export interface AppRecord { readonly id: string; readonly secret: string; readonly name: string }
export interface PageRole { readonly pageIndex: number; readonly tasks: readonly string[] }
export interface UserRecord {
  readonly index: number; readonly id: string; readonly name: string; readonly firstName: string;
  readonly lastName: string; readonly email: string; readonly roles: readonly PageRole[];
}
export interface BusinessRecord { readonly index: number; readonly id: string; readonly name: string }
/** A Business Manager system user: a user whose roles cover every Page of its business. */
export interface SystemUserRecord extends UserRecord { readonly businessIndex: number }
export interface PageRecord {
  readonly index: number; readonly id: string; readonly name: string; readonly username: string;
  readonly category: string; readonly categoryList: readonly { id: string; name: string }[];
  readonly about: string; readonly fanCount: number; readonly followersCount: number; readonly link: string;
  readonly website: string; readonly igAccountIndex: number | undefined; readonly businessIndex: number;
}
export interface IgAccountRecord {
  readonly index: number; readonly id: string; readonly username: string; readonly name: string;
  readonly biography: string; readonly website: string | undefined; readonly profilePictureUrl: string;
  readonly followersCount: number; readonly followsCount: number; readonly igId: number;
  /** Managed accounts belong to the sandbox user's Pages; public ones are reachable only through business discovery, tags and ids. */
  readonly managed: boolean; readonly pageIndex: number | undefined;
  readonly mediaTotal: number; readonly commentsTotal: number; readonly commentSpread: boolean;
  readonly storyCount: number; readonly taggedCount: number;
  /** Mean time between two posts, ms. */
  readonly gapMs: number;
}

export interface World {
  readonly seed: number; readonly anchorMs: number; readonly ids: IdCodec; readonly app: AppRecord;
  readonly users: readonly UserRecord[]; readonly businesses: readonly BusinessRecord[];
  readonly systemUsers: readonly SystemUserRecord[]; readonly pages: readonly PageRecord[];
  readonly igAccounts: readonly IgAccountRecord[];
  /** The account `business_discovery` examples use (public). */
  readonly discoveryTarget: IgAccountRecord;
  /** How many records the lazy generator has built (tests use it to prove laziness). */
  readonly counters: GenerationCounters;
}

export interface GenerationCounters { media: number; comments: number; commentPlans: number }

const ALL_TASKS = ['ANALYZE', 'ADVERTISE', 'MESSAGING', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'] as const;
const YEAR_MS = 365 * 24 * 3600 * 1000;
/** Maximum average comments per media (ids hold 999 top-level comments of 99 replies each). */
export const MAX_COMMENTS_PER_MEDIA = 5000;
/** Media index space of one account (ids hold 7 digits). */
export const MAX_MEDIA_PER_ACCOUNT = 9_999_999;

interface AccountSeed { username: string; name: string; bio: string; website?: string; followers: number; follows: number; media: number; comments: number; spread: boolean; stories: number; tagged: number }

function accountSeeds(options: WorldOptions): { managed: AccountSeed[]; public: AccountSeed[] } {
  const large = options.size === 'large';
  const mainMedia = options.media ?? (large ? 2400 : 36);
  const mainComments = options.comments ?? mainMedia * (large ? 20 : 4);
  if (!Number.isInteger(mainMedia) || mainMedia < 0 || mainMedia > MAX_MEDIA_PER_ACCOUNT) {
    throw new IgsqlError('usage', `startSandbox: media must be an integer from 0 to ${MAX_MEDIA_PER_ACCOUNT}, got ${mainMedia}`);
  }
  if (!Number.isInteger(mainComments) || mainComments < 0 || mainComments > mainMedia * MAX_COMMENTS_PER_MEDIA) {
    throw new IgsqlError('usage', `startSandbox: comments must be an integer from 0 to ${MAX_COMMENTS_PER_MEDIA} per media (${mainMedia * MAX_COMMENTS_PER_MEDIA} for ${mainMedia} media), got ${mainComments}`);
  }
  const uniform = large && options.comments === undefined;
  return {
    managed: [
      { username: 'lanterncoffee', name: 'Lantern Coffee Roasters', bio: 'Small-batch coffee roasted in the sandbox since 2016 ☕ Open daily 7–4.', website: 'https://lantern-coffee.example/', followers: 12480, follows: 311, media: mainMedia, comments: mainComments, spread: !uniform, stories: large ? 5 : 3, tagged: large ? 30 : 5 },
      { username: 'lantern.studio', name: 'Lantern Studio', bio: 'Design and photography for coffee people.', followers: 3210, follows: 180, media: large ? 120 : 12, comments: large ? 600 : 30, spread: true, stories: 1, tagged: 2 },
    ],
    public: [
      { username: 'northwind_tea', name: 'Northwind Tea Company', bio: 'Loose-leaf tea, blended by hand.', website: 'https://northwind-tea.example/', followers: 267788, follows: 512, media: 1205, comments: 1205 * 12, spread: true, stories: 0, tagged: 0 },
      { username: 'harbor_bakery', name: 'Harbor Bakery', bio: 'Sourdough at dawn.', followers: 8450, follows: 402, media: 240, comments: 240 * 5, spread: true, stories: 0, tagged: 0 },
      { username: 'citycyclist', name: 'City Cyclist', bio: 'Two wheels, one city.', followers: 1520, follows: 890, media: 96, comments: 96 * 3, spread: true, stories: 0, tagged: 0 },
      { username: 'moss.and.stone', name: 'Moss & Stone', bio: 'Plants and interiors.', followers: 45210, follows: 120, media: 410, comments: 410 * 9, spread: true, stories: 0, tagged: 0 },
      { username: 'pixel_pantry', name: 'Pixel Pantry', bio: 'Food photography.', followers: 990, follows: 1001, media: 64, comments: 64 * 2, spread: true, stories: 0, tagged: 0 },
      { username: 'sunday_brunch_club', name: 'Sunday Brunch Club', bio: 'Every Sunday, somewhere new.', followers: 20311, follows: 77, media: 150, comments: 150 * 6, spread: true, stories: 0, tagged: 0 },
    ],
  };
}

function appSecret(seed: number): string {
  let hex = '';
  for (let i = 0; hex.length < 32; i++) hex += hashKeys([seed, 'app-secret', i]).toString(16).padStart(8, '0');
  return hex.slice(0, 32);
}

export function createWorld(options: WorldOptions): World {
  const { seed } = options;
  const ids = new IdCodec(seed);
  const seeds = accountSeeds(options);
  const app: AppRecord = { id: ids.encode('app', 0), secret: appSecret(seed), name: 'igsql Sandbox App' };
  const businesses: BusinessRecord[] = [{ index: 0, id: ids.encode('business', 0), name: 'Lantern Coffee Co.' }];
  const pageSpecs = [
    { name: 'Lantern Coffee Roasters', username: 'lanterncoffee', category: 0, extra: 2, ig: 0 },
    { name: 'Lantern Studio', username: 'lanternstudio', category: 1, extra: 3, ig: 1 },
    { name: 'Lantern Coffee Careers', username: 'lanterncareers', category: 2, extra: undefined, ig: undefined },
  ];
  const pages: PageRecord[] = pageSpecs.map((spec, index) => {
    const main = PAGE_CATEGORIES[spec.category]!;
    const extra = spec.extra === undefined ? undefined : PAGE_CATEGORIES[spec.extra];
    const rng = rngFor(seed, 'page', index);
    const fans = rng.between(200, 20000);
    return {
      index, id: ids.encode('page', index), name: spec.name, username: spec.username, category: main.name,
      categoryList: extra === undefined ? [main] : [main, extra], about: `${spec.name} on the igsql sandbox.`,
      fanCount: fans, followersCount: fans + rng.between(0, 500), link: `https://www.facebook.com/${spec.username}`,
      website: 'https://lantern-coffee.example/', igAccountIndex: spec.ig, businessIndex: 0,
    };
  });
  const users: UserRecord[] = [
    { index: 0, id: ids.encode('user', 0), name: 'Sam Sandbox', firstName: 'Sam', lastName: 'Sandbox', email: 'sam@sandbox.invalid', roles: pages.map((p) => ({ pageIndex: p.index, tasks: ALL_TASKS })) },
    { index: 1, id: ids.encode('user', 1), name: 'Alex Analyst', firstName: 'Alex', lastName: 'Analyst', email: 'alex@sandbox.invalid', roles: [{ pageIndex: 0, tasks: ['ANALYZE'] }] },
  ];
  const systemUsers: SystemUserRecord[] = [{
    index: 0, id: ids.encode('systemUser', 0), name: 'igsql Sync', firstName: 'igsql', lastName: 'Sync', email: '',
    roles: pages.map((p) => ({ pageIndex: p.index, tasks: ALL_TASKS })), businessIndex: 0,
  }];
  const allSeeds = [...seeds.managed.map((s) => ({ s, managed: true })), ...seeds.public.map((s) => ({ s, managed: false }))];
  const igAccounts: IgAccountRecord[] = allSeeds.map(({ s, managed }, index) => {
    const page = managed ? pages.find((p) => p.igAccountIndex === index) : undefined;
    const id = ids.encode('igUser', index);
    return {
      index, id, username: s.username, name: s.name, biography: s.bio, website: s.website,
      profilePictureUrl: `${CDN_ORIGIN}/v/t51.2885-19/${id}_profile_n.jpg`, followersCount: s.followers,
      followsCount: s.follows, igId: 1_000_000_000 + (hashKeys([seed, 'ig_id', index]) % 8_000_000_000),
      managed, pageIndex: page?.index, mediaTotal: s.media, commentsTotal: s.comments, commentSpread: s.spread,
      storyCount: s.stories, taggedCount: s.tagged,
      gapMs: Math.round(Math.min(3 * 24 * 3600_000, Math.max(10 * 60_000, (5 * YEAR_MS) / Math.max(1, s.media)))),
    };
  });
  const discoveryTarget = igAccounts.find((a) => a.username === 'northwind_tea')!;
  const counters: GenerationCounters = { media: 0, comments: 0, commentPlans: 0 };
  return { seed, anchorMs: Math.floor(options.anchorMs / 1000) * 1000, ids, app, users, businesses, systemUsers, pages, igAccounts, discoveryTarget, counters };
}
