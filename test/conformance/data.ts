/**
 * Synthetic Media, Comments and Account rows shaped like the Instagram views (with NULLs, emoji,
 * accents, mixed case, ties), generated deterministically. The integrator can feed the harness
 * the sandbox's real rows instead: it only needs `{ name, columns, rows }` tables.
 */
import type { KeyColumn } from '../../src/schema/define-view.js';
import type { ColumnType, Row } from '../../src/schema/types.js';

export interface ConformanceTable {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly columns: readonly { readonly name: string; readonly type: ColumnType }[];
  readonly rows: readonly Row[];
  /** Pushdown the in-memory view declares (to exercise the planner); none when absent. */
  readonly keyColumns?: readonly KeyColumn[];
}

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['sunset', 'Coffee', 'café', 'beach', 'Launch', 'NEW', 'drop', 'summer', 'behind', 'the', 'scenes', 'team', 'Ünïcode', 'naïve', 'giveaway', 'reel', 'tips', 'Monday', 'vibes', '100%', 'under_score'];
const TAGS = ['#travel', '#food', '#Travel', '#fitness', '#ootd', '#instagood', '#tbt'];
const EMOJI = ['🔥', '😍', '✨', '🎉', '👍'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function caption(rand: () => number): string | null {
  const r = rand();
  if (r < 0.12) return null;
  if (r < 0.15) return '';
  const n = 1 + Math.floor(rand() * 8);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(rand() < 0.2 ? pick(rand, TAGS) : rand() < 0.1 ? pick(rand, EMOJI) : pick(rand, WORDS));
  return parts.join(' ');
}

function timestamp(rand: () => number, from: number, days: number): Date {
  const ms = from + Math.floor(rand() * days * 86_400) * 1000;
  const d = new Date(ms);
  if (d.getUTCSeconds() === 0) d.setUTCSeconds(17); // never exactly on a minute (SQLite compares dates as text)
  return d;
}

export function syntheticTables(seed = 42, sizes = { media: 160, comments: 520, accounts: 3 }): ConformanceTable[] {
  const rand = prng(seed);
  const accounts: Row[] = [];
  for (let i = 0; i < sizes.accounts; i++) {
    accounts.push({
      Id: `1784140${5000 + i * 7}`,
      Username: ['acme.studio', 'Bakery_Lisboa', 'zoë.travels', 'northwind'][i % 4]!,
      Name: i === 2 ? null : ['Acme Studio', 'Padaria Lisboa', 'Zoë', 'Northwind'][i % 4]!,
      Biography: i === 1 ? null : `Bio of account ${i} ✨`,
      FollowersCount: [15320, 987, 15320, 42][i % 4]!,
      FollowsCount: [120, 33, 7, 0][i % 4]!,
      MediaCount: 0,
      Website: i % 2 === 0 ? `https://example.com/${i}` : null,
    });
  }
  const media: Row[] = [];
  const start = Date.UTC(2025, 5, 1);
  for (let i = 0; i < sizes.media; i++) {
    const type = pick(rand, ['IMAGE', 'IMAGE', 'VIDEO', 'CAROUSEL_ALBUM']);
    const account = accounts[Math.floor(rand() * accounts.length)]!;
    const likes = rand() < 0.08 ? null : Math.floor(rand() * rand() * 500);
    media.push({
      Id: `17895695${String(668004550 + i * 13)}`,
      AccountId: account['Id']!,
      Caption: caption(rand),
      MediaType: type,
      MediaProductType: rand() < 0.1 ? null : type === 'VIDEO' ? pick(rand, ['REELS', 'FEED']) : pick(rand, ['FEED', 'FEED', 'STORY', 'AD']),
      LikeCount: likes,
      CommentsCount: Math.floor(rand() * 12),
      Timestamp: timestamp(rand, start, 340),
      Permalink: `https://www.instagram.com/p/C${(1000 + i).toString(36)}X/`,
      MediaUrl: rand() < 0.1 ? null : `https://cdn.example.com/m/${i}.jpg`,
      ThumbnailUrl: type === 'VIDEO' ? `https://cdn.example.com/t/${i}.jpg` : null,
      IsCommentEnabled: rand() < 0.85,
      ShortCode: `C${(1000 + i).toString(36)}X`,
    });
    (account as Record<string, unknown>)['MediaCount'] = (account['MediaCount'] as number) + 1;
  }
  const comments: Row[] = [];
  for (let i = 0; i < sizes.comments; i++) {
    const orphan = rand() < 0.03;
    const m = media[Math.floor(rand() * rand() * media.length)]!;
    const reply = i > 10 && rand() < 0.2;
    comments.push({
      Id: `1800${String(1000000 + i * 7)}`,
      MediaId: orphan ? `9999${i}` : m['Id']!,
      Text: rand() < 0.04 ? null : caption(rand) ?? pick(rand, WORDS),
      Username: pick(rand, ['ana', 'Bruno', 'carla_', 'dev.user', 'émile', 'ana', 'zed']),
      LikeCount: Math.floor(rand() * rand() * 40),
      Hidden: rand() < 0.1,
      Timestamp: timestamp(rand, start, 360),
      ParentId: reply ? comments[Math.floor(rand() * i)]!['Id']! : null,
    });
  }
  return [
    {
      name: 'Media',
      aliases: ['IGMedia'],
      columns: [
        { name: 'Id', type: 'String' }, { name: 'AccountId', type: 'String' }, { name: 'Caption', type: 'String' },
        { name: 'MediaType', type: 'String' }, { name: 'MediaProductType', type: 'String' }, { name: 'LikeCount', type: 'Integer' },
        { name: 'CommentsCount', type: 'Integer' }, { name: 'Timestamp', type: 'Datetime' }, { name: 'Permalink', type: 'String' },
        { name: 'MediaUrl', type: 'String' }, { name: 'ThumbnailUrl', type: 'String' }, { name: 'IsCommentEnabled', type: 'Boolean' },
        { name: 'ShortCode', type: 'String' },
      ],
      rows: media,
      keyColumns: [
        { column: 'Id', operators: ['=', 'in'], require: 'optional' },
        { column: 'AccountId', operators: ['=', 'in'], require: 'optional' },
        { column: 'Timestamp', operators: ['>', '>=', '<', '<='], require: 'optional' },
      ],
    },
    {
      name: 'Comments',
      columns: [
        { name: 'Id', type: 'String' }, { name: 'MediaId', type: 'String' }, { name: 'Text', type: 'String' }, { name: 'Username', type: 'String' },
        { name: 'LikeCount', type: 'Integer' }, { name: 'Hidden', type: 'Boolean' }, { name: 'Timestamp', type: 'Datetime' },
        { name: 'ParentId', type: 'String' },
      ],
      rows: comments,
      keyColumns: [
        { column: 'MediaId', operators: ['='], require: 'optional' },
        { column: 'Id', operators: ['='], require: 'optional' },
      ],
    },
    {
      name: 'Account',
      columns: [
        { name: 'Id', type: 'String' }, { name: 'Username', type: 'String' }, { name: 'Name', type: 'String' }, { name: 'Biography', type: 'String' },
        { name: 'FollowersCount', type: 'Integer' }, { name: 'FollowsCount', type: 'Integer' }, { name: 'MediaCount', type: 'Integer' },
        { name: 'Website', type: 'String' },
      ],
      rows: accounts,
      keyColumns: [{ column: 'Id', operators: ['=', 'in'], require: 'optional' }, { column: 'Username', operators: ['='], require: 'optional' }],
    },
  ];
}
