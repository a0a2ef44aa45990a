/** Comment moderation and media writes through the overlay: rules, messages, counts. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createManualClock, startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import type { MediaRecord } from '../../../src/sandbox/data/media-record.js';
import type { CommentRecord } from '../../../src/sandbox/data/comments.js';
import { call, get } from './helpers.js';

const clock = createManualClock('2026-05-19T23:27:28Z');
let sb: Sandbox;
let ig: string;
let media: MediaRecord[];

before(async () => {
  sb = await startSandbox({ seed: 14, clock, comments: 36 * 8 });
  const account = sb.core.data.world.igAccounts[0]!;
  ig = account.id;
  media = sb.core.data.mediaList(account).slice(0, 36);
});
after(() => sb.stop());

const count = async (id: string): Promise<number> => (await get(sb, `/v25.0/${id}?fields=comments_count`)).comments_count;
const form = (path: string, params: Record<string, string>, method = 'POST', token = sb.tokens.longLivedUser) =>
  call(sb, path, { method, token: null, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...params, access_token: token }).toString() });

function assertError(reply: { status: number; body: any }, code: number, message: string | RegExp, subcode?: number): void {
  assert.equal(reply.status, 400, JSON.stringify(reply.body));
  assert.equal(reply.body.error.code, code);
  assert.equal(reply.body.error.error_subcode, subcode);
  if (typeof message === 'string') assert.equal(reply.body.error.message, message);
  else assert.match(reply.body.error.message, message);
}

function withComments(min: number): MediaRecord {
  return media.find((m) => m.isCommentEnabled && m.stats!.comments >= min && sb.core.data.comments(m).slice(0, 50).some((c) => c.replyCount > 0 && !c.hidden && !c.byOwner))!;
}

test('POST /{media}/comments takes message from the query, a form or a JSON body; comments_count follows', async () => {
  const target = withComments(2);
  const before = await count(target.id);
  const viaQuery = await call(sb, `/v25.0/${target.id}/comments?message=${encodeURIComponent('Thanks, see you soon!')}`, { method: 'POST' });
  assert.equal(viaQuery.status, 200);
  assert.deepEqual(Object.keys(viaQuery.body), ['id']);
  const viaForm = await form(`/v25.0/${target.id}/comments`, { message: 'Form comment' });
  const viaJson = await call(sb, `/v25.0/${target.id}/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'JSON comment' }) });
  assert.equal(viaJson.status, 200);
  assert.equal(await count(target.id), before + 3);
  const list = await get(sb, `/v25.0/${target.id}/comments?fields=id,text,username,user,from&limit=3`);
  assert.deepEqual(list.data.map((c: { text: string }) => c.text), ['JSON comment', 'Form comment', 'Thanks, see you soon!']);
  assert.deepEqual(list.data[1].user, { id: ig });
  assert.equal(list.data[1].id, viaForm.body.id);
  assert.equal(list.data[1].username, 'lanterncoffee');
  const one = await get(sb, `/v25.0/${viaQuery.body.id}?fields=text,media,timestamp,hidden`);
  assert.deepEqual(one.media, { id: target.id });
  assert.equal(one.hidden, false);
});

test('replies: a reply to a reply joins the top-level comment; hidden comments cannot be replied to', async () => {
  const target = withComments(2);
  const top = sb.core.data.comments(target).slice(0, 50).find((c) => c.replyCount > 0 && !c.hidden && !c.byOwner)!;
  const firstReply = sb.core.data.replies(top).slice(0, 1)[0]!;
  const mediaBefore = await count(target.id);
  const reply = await form(`/v25.0/${top.id}/replies`, { message: 'Reply to top' });
  assert.equal(reply.status, 200);
  const nested = await form(`/v25.0/${firstReply.id}/replies`, { message: 'Reply to a reply' });
  assert.equal(nested.status, 200);
  const replies = await get(sb, `/v25.0/${top.id}/replies?fields=id,text,parent_id&limit=50`);
  assert.deepEqual(replies.data.slice(-2).map((r: { text: string }) => r.text), ['Reply to top', 'Reply to a reply'], 'new replies come last (oldest first)');
  assert.ok(replies.data.slice(-2).every((r: { parent_id: string }) => r.parent_id === top.id));
  assert.equal(replies.data.length, top.replyCount + 2);
  assert.equal(await count(target.id), mediaBefore + 2);
  assert.deepEqual((await get(sb, `/v25.0/${nested.body.id}/replies`)).data, [], 'replies have no replies');
  assert.equal((await form(`/v25.0/${top.id}`, { hide: 'true' })).status, 200);
  assertError(await form(`/v25.0/${top.id}/replies`, { message: 'x' }), 100, '(#100) Replies cannot be posted to a hidden comment');
  assertError(await form(`/v25.0/${firstReply.id}/replies`, { message: 'x' }), 100, '(#100) Replies cannot be posted to a hidden comment');
  await form(`/v25.0/${top.id}`, { hide: 'false' });
});

test('hide and unhide: {success:true}; the owner sees hidden:true; the media owner\'s own comments stay visible', async () => {
  const target = withComments(2);
  const fan = sb.core.data.comments(target).slice(0, 50).find((c) => !c.byOwner && !c.hidden)!;
  const hidden = await form(`/v25.0/${fan.id}`, { hide: 'true' });
  assert.deepEqual(hidden.body, { success: true });
  assert.equal((await get(sb, `/v25.0/${fan.id}?fields=hidden`)).hidden, true);
  const listed = (await get(sb, `/v25.0/${target.id}/comments?fields=id,hidden&limit=50`)).data.find((c: { id: string }) => c.id === fan.id);
  assert.equal(listed.hidden, true);
  assert.deepEqual((await call(sb, `/v25.0/${fan.id}?hide=false`, { method: 'POST' })).body, { success: true });
  assert.equal((await get(sb, `/v25.0/${fan.id}?fields=hidden`)).hidden, false);
  const own = (await form(`/v25.0/${target.id}/comments`, { message: 'By the owner' })).body.id;
  assert.deepEqual((await form(`/v25.0/${own}`, { hide: 'true' })).body, { success: true });
  assert.equal((await get(sb, `/v25.0/${own}?fields=hidden`)).hidden, false);
  assertError(await form(`/v25.0/${fan.id}`, {}), 100, '(#100) The parameter hide is required');
  assertError(await form(`/v25.0/${fan.id}`, { hide: 'perhaps' }), 100, '(#100) Param hide must be a boolean (true or false), got "perhaps"');
});

test('DELETE a comment: a top-level one goes with its replies; a reply alone; counts follow', async () => {
  const target = withComments(3);
  const top = sb.core.data.comments(target).slice(0, 50).find((c) => c.replyCount > 0 && !c.hidden)!;
  const replies = sb.core.data.replies(top).slice(0, 99);
  const before = await count(target.id);
  const reply = replies[0]!;
  assert.deepEqual((await call(sb, `/v25.0/${reply.id}`, { method: 'DELETE' })).body, { success: true });
  assert.equal(await count(target.id), before - 1);
  assert.equal((await get(sb, `/v25.0/${top.id}/replies?limit=50`)).data.length, replies.length - 1);
  assert.equal((await call(sb, `/v25.0/${reply.id}`)).body.error.error_subcode, 33, 'gone');
  assert.deepEqual((await call(sb, `/v25.0/${top.id}?method=delete`, { method: 'POST' })).body, { success: true });
  assert.equal(await count(target.id), before - replies.length - 1);
  assert.ok((await get(sb, `/v25.0/${target.id}/comments?limit=50`)).data.every((c: { id: string }) => c.id !== top.id));
  for (const r of replies.slice(1)) assert.equal((await call(sb, `/v25.0/${r.id}`)).status, 400);
  assert.equal((await call(sb, `/v25.0/${top.id}`, { method: 'DELETE' })).body.error.error_subcode, 33, 'deleting twice');
});

test('message rules and permissions', async () => {
  const target = withComments(1);
  assertError(await form(`/v25.0/${target.id}/comments`, {}), 100, '(#100) The parameter message is required');
  assertError(await form(`/v25.0/${target.id}/comments`, { message: '   ' }), 100, '(#100) Param message must be non-empty UTF-8 encoded string');
  assertError(await form(`/v25.0/${target.id}/comments`, { message: 'x'.repeat(2201) }), 100, '(#100) Param message must be at most 2200 characters long');
  assert.equal((await form(`/v25.0/${target.id}/comments`, { message: '☕'.repeat(2200) })).status, 200);
  const reader = sb.core.tokens.issue({ type: 'USER', userId: sb.core.data.world.users[0]!.id, scopes: ['instagram_basic', 'pages_show_list'] }).token;
  assertError(await form(`/v25.0/${target.id}/comments`, { message: 'x' }, 'POST', reader), 10, '(#10) Application does not have permission for this action');
  const someComment = sb.core.data.comments(target).slice(0, 1)[0]!;
  assertError(await form(`/v25.0/${someComment.id}`, { hide: 'true' }, 'POST', reader), 10, '(#10) Application does not have permission for this action');
  assertError(await call(sb, `/v25.0/${someComment.id}`, { method: 'DELETE', token: reader }), 10, '(#10) Application does not have permission for this action');
  assert.equal((await form(`/v25.0/${target.id}/comments`, { message: 'by page' }, 'POST', sb.tokens.page)).status, 200, 'Page tokens moderate their IG account');
});

test('comment_enabled=false stops new comments and replies; true restores them', async () => {
  const target = withComments(2);
  const top = sb.core.data.comments(target).slice(0, 50).find((c) => !c.hidden && !c.byOwner)!;
  assert.deepEqual((await form(`/v25.0/${target.id}`, { comment_enabled: 'false' })).body, { success: true });
  assert.equal((await get(sb, `/v25.0/${target.id}?fields=is_comment_enabled`)).is_comment_enabled, false);
  assertError(await form(`/v25.0/${target.id}/comments`, { message: 'x' }), 100, '(#100) Comments are disabled for this media');
  assertError(await form(`/v25.0/${top.id}/replies`, { message: 'x' }), 100, '(#100) Comments are disabled for this media');
  assert.deepEqual((await form(`/v25.0/${target.id}`, { comment_enabled: 'true' })).body, { success: true });
  assert.equal((await form(`/v25.0/${target.id}/comments`, { message: 'open again' })).status, 200);
  assertError(await form(`/v25.0/${target.id}`, {}), 100, '(#100) The parameter comment_enabled is required');
});

test('writes on others\' media, carousel children and stories are unsupported (100/33)', async () => {
  const account = sb.core.data.world.igAccounts[0]!;
  const album = media.find((m) => m.mediaType === 'CAROUSEL_ALBUM')!;
  const child = sb.core.data.children(album).slice(0, 1)[0]!;
  const story = sb.core.data.stories(account, clock.now()).slice(0, 1)[0]!;
  const foreign = sb.core.data.tagged(account).slice(0, 1)[0]!;
  for (const id of [child.id, story.id, foreign.id]) {
    const reply = await form(`/v25.0/${id}/comments`, { message: 'x' });
    assertError(reply, 100, `Unsupported post request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`, 33);
    assert.equal(reply.body.error.type, 'GraphMethodException');
  }
  assertError(await call(sb, `/v25.0/${child.id}`, { method: 'DELETE' }), 100, /^Unsupported delete request\. Object with ID/, 33);
  assertError(await call(sb, `/v25.0/${foreign.id}`, { method: 'DELETE' }), 100, /^Unsupported delete request/, 33);
});

test('DELETE media: needs instagram_manage_contents; an album goes with its children; media_count and /media shrink', async () => {
  const album = media.find((m) => m.mediaType === 'CAROUSEL_ALBUM')!;
  const children = sb.core.data.children(album).slice(0, 10);
  const comment: CommentRecord | undefined = sb.core.data.comments(album).slice(0, 1)[0];
  const before = (await get(sb, `/v25.0/${ig}?fields=media_count`)).media_count;
  const reader = sb.core.tokens.issue({ type: 'USER', userId: sb.core.data.world.users[0]!.id, scopes: ['instagram_basic', 'instagram_manage_comments'] }).token;
  assertError(await call(sb, `/v25.0/${album.id}`, { method: 'DELETE', token: reader }), 10, '(#10) Application does not have permission for this action');
  assert.deepEqual((await call(sb, `/v25.0/${album.id}`, { method: 'DELETE' })).body, { success: true });
  assert.equal((await get(sb, `/v25.0/${ig}?fields=media_count`)).media_count, before - 1);
  assert.equal((await call(sb, `/v25.0/${album.id}`)).body.error.error_subcode, 33);
  for (const child of children) assert.equal((await call(sb, `/v25.0/${child.id}`)).body.error.error_subcode, 33);
  if (comment !== undefined) assert.equal((await call(sb, `/v25.0/${comment.id}`)).body.error.error_subcode, 33);
  const all = await get(sb, `/v25.0/${ig}/media?limit=100`);
  assert.ok(all.data.every((m: { id: string }) => m.id !== album.id));
});
