import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { accountView } from '../../../src/schema/views/account.js';
import { commentsView } from '../../../src/schema/views/comments.js';
import { mediaChildrenView } from '../../../src/schema/views/media-children.js';
import { mediaView } from '../../../src/schema/views/media.js';
import { pageView } from '../../../src/schema/views/page.js';
import { repliesView } from '../../../src/schema/views/replies.js';
import { storiesView } from '../../../src/schema/views/stories.js';
import { tagsView } from '../../../src/schema/views/tags.js';
import { viewHarness, type ViewHarness } from '../../helpers/view-harness.js';

let h: ViewHarness;
before(async () => {
  h = await viewHarness();
});
after(() => h.close());

test('Page lists the pages with their IG account ids, one without', async () => {
  const pages = await h.rows(pageView);
  assert.ok(pages.length >= 2, `pages: ${pages.length}`);
  assert.ok(pages.some((p) => typeof p['InstagramBusinessAccountId'] === 'string'));
  assert.ok(pages.some((p) => p['InstagramBusinessAccountId'] === null));
  for (const p of pages) assert.match(String(p['Id']), /^\d+$/);
});

test('Account reads every IG account in scope', async () => {
  const accounts = await h.rows(accountView);
  const igIds = (await h.rows(pageView)).map((p) => p['InstagramBusinessAccountId']).filter((x) => x !== null);
  assert.deepEqual(accounts.map((a) => a['Id']).sort(), [...new Set(igIds)].sort());
  for (const a of accounts) {
    assert.equal(typeof a['Username'], 'string');
    assert.equal(typeof a['FollowersCount'], 'number');
  }
});

test('Media comes newest first across accounts and matches media_count', async () => {
  const media = await h.rows(mediaView);
  const accounts = await h.rows(accountView);
  const total = accounts.reduce((n, a) => n + Number(a['MediaCount']), 0);
  assert.equal(media.length, total);
  for (let i = 1; i < media.length; i++) {
    assert.ok((media[i - 1]!['Timestamp'] as Date) >= (media[i]!['Timestamp'] as Date), `order at ${i}`);
  }
  assert.ok(media.some((m) => m['MediaType'] === 'CAROUSEL_ALBUM'));
  assert.ok(media.some((m) => m['MediaProductType'] === 'REELS'));
});

test('Media pushes Id, AccountId and Timestamp to the API', async () => {
  const all = await h.rows(mediaView);
  const some = all.slice(0, 3).map((m) => String(m['Id']));
  h.sandbox.resetCounts();
  const byId = await h.rows(mediaView, { predicates: [{ column: 'Id', op: 'in', value: some }] });
  assert.deepEqual(byId.map((m) => m['Id']), some);
  assert.deepEqual(Object.keys(h.sandbox.counts()), ['GET /?ids']);
  const middle = all[Math.floor(all.length / 2)]!['Timestamp'] as Date;
  const newer = await h.rows(mediaView, { predicates: [{ column: 'Timestamp', op: '>', value: middle }] });
  assert.equal(newer.length, all.filter((m) => (m['Timestamp'] as Date) > middle).length);
  const account = String(all[0]!['AccountId']);
  h.sandbox.resetCounts();
  const one = await h.rows(mediaView, { predicates: [{ column: 'AccountId', op: '=', value: account }], limit: 5, columns: ['Id'] });
  assert.equal(one.length, 5);
  assert.deepEqual(h.sandbox.counts(), { 'GET /{ig-user-id}/media': 1 });
});

test('Comments come nested in media pages, consistent with CommentsCount', async () => {
  const media = await h.rows(mediaView, { columns: ['Id', 'CommentsCount', 'AccountId'] });
  h.sandbox.resetCounts();
  const comments = await h.rows(commentsView);
  const replies = await h.rows(repliesView);
  const perMedia = new Map<string, number>();
  for (const c of [...comments, ...replies]) perMedia.set(String(c['MediaId']), (perMedia.get(String(c['MediaId'])) ?? 0) + 1);
  for (const m of media) assert.equal(perMedia.get(String(m['Id'])) ?? 0, m['CommentsCount'], `media ${m['Id']}`);
  assert.ok(comments.some((c) => c['Hidden'] === true));
  for (const r of replies) assert.equal(typeof r['CommentId'], 'string');
});

test('Comments by MediaId and Replies by CommentId use grouped reads', async () => {
  const media = (await h.rows(mediaView, { columns: ['Id', 'CommentsCount'] })).filter((m) => Number(m['CommentsCount']) > 0).slice(0, 5);
  const ids = media.map((m) => String(m['Id']));
  h.sandbox.resetCounts();
  const comments = await h.rows(commentsView, { predicates: [{ column: 'MediaId', op: 'in', value: ids }] });
  assert.ok(comments.length > 0);
  for (const c of comments) assert.ok(ids.includes(String(c['MediaId'])));
  assert.equal(h.sandbox.counts()['GET /?ids'], 1);
  const commentIds = comments.map((c) => String(c['Id']));
  const replies = await h.rows(repliesView, { predicates: [{ column: 'CommentId', op: 'in', value: commentIds }] });
  for (const r of replies) assert.ok(commentIds.includes(String(r['CommentId'])));
});

test('MediaChildren lists carousel items with positions', async () => {
  const albums = (await h.rows(mediaView, { columns: ['Id', 'MediaType', 'ChildrenCount'] })).filter((m) => m['MediaType'] === 'CAROUSEL_ALBUM');
  const children = await h.rows(mediaChildrenView);
  for (const album of albums) {
    const items = children.filter((c) => c['MediaId'] === album['Id']);
    assert.equal(items.length, album['ChildrenCount']);
    assert.deepEqual(items.map((c) => c['Position']), items.map((_, i) => i + 1));
  }
});

test('Stories and Tags read their edges', async () => {
  const stories = await h.rows(storiesView);
  for (const s of stories) assert.equal(s['MediaProductType'], 'STORY');
  const tags = await h.rows(tagsView);
  for (const t of tags) assert.equal(typeof t['Id'], 'string');
});
