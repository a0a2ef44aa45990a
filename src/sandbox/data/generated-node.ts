/**
 * Generated objects by id coordinates: `generatedNode(kind, payload)` turns a decoded id (see ids.ts)
 * into `[nodeTypeName, record]`, building only that one object; `taggedMedia` picks the public media
 * an account is tagged in.
 */
import type { CommentGenerator } from './comments.js';
import type { HashtagCatalog } from './hashtags.js';
import { unpackComment } from './ids.js';
import type { MediaRecord } from './media-record.js';
import { childAt, mediaAt, storyAt } from './media.js';
import { hashKeys } from './rng.js';
import type { IgAccountRecord, World } from './world.js';

export function generatedNode(w: World, hashtags: HashtagCatalog, comments: CommentGenerator, kind: string, payload: number): [string, unknown] | undefined {
  switch (kind) {
    case 'user': return w.users[payload] && ['User', w.users[payload]];
    case 'systemUser': return w.systemUsers[payload] && ['User', w.systemUsers[payload]];
    case 'page': return w.pages[payload] && ['Page', w.pages[payload]];
    case 'app': return payload === 0 ? ['Application', w.app] : undefined;
    case 'igUser': return w.igAccounts[payload] && ['IGUser', w.igAccounts[payload]];
    case 'media': {
      const account = w.igAccounts[Math.floor(payload / 100_000_000)];
      const index = payload % 100_000_000;
      return account && index < account.mediaTotal ? ['IGMedia', mediaAt(w, account, index)] : undefined;
    }
    case 'child': {
      const account = w.igAccounts[Math.floor(payload / 1_000_000_000)];
      const index = Math.floor(payload / 10) % 100_000_000;
      if (account === undefined || index >= account.mediaTotal) return undefined;
      const album = mediaAt(w, account, index);
      return payload % 10 < album.childCount ? ['IGMedia', childAt(w, account, index, payload % 10)] : undefined;
    }
    case 'story': {
      const account = w.igAccounts[Math.floor(payload / 1_000_000)];
      const story = payload % 1_000_000;
      return account && story < account.storyCount ? ['IGMedia', storyAt(w, account, story)] : undefined;
    }
    case 'comment': {
      const c = unpackComment(payload);
      const account = w.igAccounts[c.account];
      const record = account && comments.comment(account, c.media, c.comment, c.reply);
      return record && ['IGComment', record];
    }
    case 'hashtagMedia': {
      const record = hashtags.mediaByPayload(payload);
      return record && ['IGMedia', record];
    }
    default: return undefined;
  }
}

/** Media of public accounts in which `account` is tagged, newest first (a few dozen at most). */
export function taggedMedia(world: World, account: IgAccountRecord): MediaRecord[] {
  const publics = world.igAccounts.filter((a) => !a.managed && a.mediaTotal > 0);
  const seen = new Set<string>();
  const list: MediaRecord[] = [];
  for (let k = 0; k < account.taggedCount && publics.length > 0; k++) {
    const owner = publics[hashKeys([world.seed, 'tagged-owner', account.index, k]) % publics.length]!;
    const index = hashKeys([world.seed, 'tagged-media', account.index, k]) % Math.min(owner.mediaTotal, 300);
    const media = mediaAt(world, owner, index);
    if (!seen.has(media.id)) list.push(media);
    seen.add(media.id);
  }
  return list.sort((a, b) => b.timestampMs - a.timestampMs);
}
