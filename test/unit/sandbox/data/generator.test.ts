import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataStore } from '../../../../src/sandbox/data/data-store.js';
import type { MediaRecord } from '../../../../src/sandbox/data/media-record.js';
import type { CommentRecord } from '../../../../src/sandbox/data/comments.js';

const ANCHOR = Date.parse('2026-05-19T23:27:28Z');

function store(options: { seed?: number; size?: 'small' | 'large'; media?: number; comments?: number } = {}): DataStore {
  return new DataStore({ seed: options.seed ?? 42, size: options.size ?? 'small', media: options.media, comments: options.comments, anchorMs: ANCHOR });
}

test('same seed, same data; another seed, other data', () => {
  const a = store();
  const b = store();
  const c = store({ seed: 43 });
  const main = (s: DataStore) => s.igAccount(0)!;
  assert.deepEqual(a.mediaList(main(a)).slice(0, 36), b.mediaList(main(b)).slice(0, 36));
  assert.deepEqual(a.comments(a.mediaList(main(a)).slice(1, 2)[0]!).slice(0, 10), b.comments(b.mediaList(main(b)).slice(1, 2)[0]!).slice(0, 10));
  assert.notDeepEqual(a.mediaList(main(a)).slice(0, 5).map((m) => m.id), c.mediaList(main(c)).slice(0, 5).map((m) => m.id));
  assert.equal(a.world.app.secret, b.world.app.secret);
  assert.match(a.world.app.secret, /^[0-9a-f]{32}$/);
});

test('media i is the same whether or not the others were generated, and lookup(id) finds it', () => {
  const full = store({ media: 5000 });
  const list = full.mediaList(full.igAccount(0)!);
  const all = list.slice(0, 5000);
  const fresh = store({ media: 5000 });
  const direct = fresh.mediaList(fresh.igAccount(0)!).slice(3210, 3211)[0]!;
  assert.deepEqual(direct, all[3210]);
  assert.deepEqual(fresh.lookup(direct.id)?.record, direct);
  assert.equal(fresh.lookup(direct.id)?.type, 'IGMedia');
});

test('the timeline is newest first, strictly decreasing, and since/until select by timestamp', () => {
  const s = store({ media: 3000 });
  const account = s.igAccount(0)!;
  const media = s.mediaList(account).slice(0, 3000);
  for (let i = 1; i < media.length; i++) assert.ok(media[i]!.timestampMs < media[i - 1]!.timestampMs);
  assert.ok(media[0]!.timestampMs < ANCHOR);
  const sinceMs = media[2000]!.timestampMs;
  const untilMs = media[1000]!.timestampMs;
  const window = s.mediaList(account, { sinceMs, untilMs });
  assert.equal(window.total, 1001);
  assert.equal(window.slice(0, 1)[0]!.id, media[1000]!.id);
  assert.equal(window.slice(1000, 1001)[0]!.id, media[2000]!.id);
});

test('every media type and product type appears; carousels have 2-10 children; reels are VIDEO+REELS', () => {
  const s = store({ size: 'large' });
  const media = s.mediaList(s.igAccount(0)!).slice(0, 2400);
  assert.equal(media.length, 2400);
  const kinds = new Set(media.map((m) => `${m.mediaType}/${m.productType}`));
  assert.deepEqual([...kinds].sort(), ['CAROUSEL_ALBUM/FEED', 'IMAGE/FEED', 'VIDEO/FEED', 'VIDEO/REELS']);
  for (const m of media) {
    if (m.mediaType === 'CAROUSEL_ALBUM') {
      assert.ok(m.childCount >= 2 && m.childCount <= 10);
      const children = s.children(m).slice(0, 20);
      assert.equal(children.length, m.childCount);
      assert.equal(m.mediaUrl, children[0]!.mediaUrl);
      for (const child of children) assert.equal(s.lookup(child.id)?.record && (s.lookup(child.id)!.record as MediaRecord).parentId, m.id);
    } else {
      assert.equal(m.childCount, 0);
    }
    assert.equal(m.stats!.comments, 20, 'large: 20 comments each');
  }
});

test('comments_count equals top-level comments plus replies, and the account total is exact', () => {
  const s = store({ media: 300, comments: 2900 });
  const account = s.igAccount(0)!;
  let total = 0;
  let hidden = 0;
  let withoutComments = 0;
  for (const media of s.mediaList(account).slice(0, 300)) {
    const top = s.comments(media).slice(0, 10_000);
    let replies = 0;
    for (const comment of top) {
      const list = s.replies(comment).slice(0, 100);
      assert.equal(list.length, comment.replyCount);
      for (const reply of list) {
        assert.equal(reply.parentId, comment.id);
        assert.ok(reply.timestampMs >= comment.timestampMs);
      }
      replies += list.length;
      if (comment.hidden) hidden++;
    }
    assert.equal(top.length + replies, media.stats!.comments);
    for (let i = 1; i < top.length; i++) assert.ok(top[i]!.timestampMs <= top[i - 1]!.timestampMs, 'newest first');
    if (media.stats!.comments === 0) withoutComments++;
    total += media.stats!.comments;
  }
  assert.equal(total, 2900);
  assert.ok(hidden > 0, 'some comments are hidden');
  assert.ok(withoutComments > 0, 'some media have no comments');
});

test('lazy: serving media 75,000 of 100,000 and its comments builds only a handful of records', () => {
  const s = store({ media: 100_000, comments: 1_000_000 });
  const account = s.igAccount(0)!;
  const before = { ...s.world.counters };
  const page = s.mediaList(account).slice(74_975, 75_000);
  assert.equal(page.length, 25);
  const comments: CommentRecord[] = s.comments(page[0]!).slice(0, 50);
  assert.equal(comments.length + comments.reduce((n, c) => n + c.replyCount, 0), page[0]!.stats!.comments);
  assert.ok(s.world.counters.media - before.media < 100, `built ${s.world.counters.media - before.media} media`);
  assert.ok(s.world.counters.comments - before.comments <= 60);
  assert.ok(s.world.counters.commentPlans - before.commentPlans <= 2);
  assert.equal(s.lookup(page[24]!.id)?.id, page[24]!.id);
});

test('the overlay adds, patches and removes objects on top of generated data', () => {
  const s = store();
  const media = s.mediaList(s.igAccount(0)!).slice(1, 2)[0]!;
  const before = s.comments(media);
  const first = before.slice(0, 1)[0]!;
  const id = s.overlay.newId();
  s.overlay.put(id, 'IGComment', { ...first, id, text: 'new!', reply: 0, replyCount: 0 });
  s.overlay.prepend(`${media.id}/comments`, id);
  s.overlay.adjust(media.id, 'comments', 1);
  const after = s.comments(media);
  assert.equal(after.total, before.total + 1);
  assert.equal((after.slice(0, 1)[0] as CommentRecord).text, 'new!');
  assert.equal((s.lookup(media.id)!.record as MediaRecord).stats!.comments, media.stats!.comments + 1);
  s.overlay.patch(first.id, { hidden: true });
  assert.equal((s.lookup(first.id)!.record as CommentRecord).hidden, true);
  assert.equal(s.comments(media).slice(1, 2)[0]!.hidden, true);
  s.overlay.remove(first.id);
  assert.equal(s.lookup(first.id), undefined);
  assert.equal(s.comments(media).total, before.total);
  assert.ok(!s.comments(media).slice(0, 1000).some((c) => c.id === first.id));
});

test('stories live 24 hours; hashtag recent media move with the clock', () => {
  const s = store();
  const account = s.igAccount(0)!;
  assert.equal(s.stories(account, ANCHOR).total, 3);
  assert.equal(s.stories(account, ANCHOR + 25 * 3600_000).total, 0);
  const tag = s.hashtags.intern('coffee');
  const now = s.recentMedia(tag, ANCHOR).slice(0, 500);
  assert.ok(now.length > 5);
  for (const m of now) assert.ok(m.timestampMs <= ANCHOR && m.timestampMs > ANCHOR - 86_400_000);
  const later = s.recentMedia(tag, ANCHOR + 12 * 3600_000).slice(0, 500);
  assert.ok(later.some((m) => m.timestampMs > ANCHOR));
  assert.equal(s.lookup(now[0]!.id)?.id, now[0]!.id);
});
