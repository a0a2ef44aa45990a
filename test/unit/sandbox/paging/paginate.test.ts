import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeCursor, encodeCursor } from '../../../../src/sandbox/paging/cursor.js';
import { paginate, type PageSpec } from '../../../../src/sandbox/paging/paginate.js';
import { lazySource } from '../../../../src/sandbox/data/list-source.js';
import { GraphError } from '../../../../src/sandbox/graph-error.js';

const urls: PageSpec = { defaultLimit: 25, maxLimit: 100, paging: 'urls' };
const link = (direction: string, cursor: string, limit: number) => `https://x/e?limit=${limit}&${direction}=${cursor}`;

test('cursors round-trip and reject tampering', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (p) => {
    const cursor = encodeCursor(p);
    assert.match(cursor, /^[A-Za-z0-9+/]+$/);
    assert.equal(decodeCursor(cursor), p);
  }));
  assert.equal(decodeCursor('after'), undefined);
  assert.equal(decodeCursor(Buffer.from('AQH5x00').toString('base64')), undefined);
});

test('walking next cursors visits every item once, with previous only after the first page (property)', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 120 }), (total, limit) => {
    const source = lazySource(total, (i) => i);
    const seen: number[] = [];
    let after: string | undefined;
    for (let pageNo = 0; ; pageNo++) {
      const page = paginate(source, urls, { limit: String(limit), after }, { link });
      seen.push(...page.items);
      if (total === 0) {
        assert.equal(page.paging, undefined);
        break;
      }
      const paging = page.paging as { cursors: { after: string }; next?: string; previous?: string };
      assert.equal(paging.previous === undefined, pageNo === 0);
      if (paging.next === undefined) break;
      after = paging.cursors.after;
    }
    assert.deepEqual(seen, Array.from({ length: total }, (_, i) => i));
  }), { numRuns: 200 });
});

test('before pages backwards; after at the end gives an empty page; beyond it, the Graph error', () => {
  const source = lazySource(60, (i) => i);
  const last = paginate(source, urls, { limit: '25', after: encodeCursor(49) }, { link });
  assert.deepEqual(last.items, Array.from({ length: 10 }, (_, i) => 50 + i));
  assert.equal((last.paging as { next?: string }).next, undefined);
  const back = paginate(source, urls, { limit: '25', before: encodeCursor(50) }, { link });
  assert.deepEqual(back.items, Array.from({ length: 25 }, (_, i) => 25 + i));
  assert.deepEqual(paginate(source, urls, { after: encodeCursor(59) }, { link }).items, []);
  assert.throws(() => paginate(source, urls, { after: encodeCursor(60) }, { link }),
    (e: unknown) => e instanceof GraphError && e.message === '(#100) The After Cursor specified exceeds the max limit supported by this endpoint');
  assert.throws(() => paginate(source, urls, { after: 'bogus' }, { link }), GraphError);
});

test('limit: default, per-edge maximum, and bad values', () => {
  const source = lazySource(500, (i) => i);
  assert.equal(paginate(source, urls, {}, { link }).items.length, 25);
  assert.equal(paginate(source, urls, { limit: '1000' }, { link }).items.length, 100);
  assert.equal(paginate(source, { ...urls, maxLimit: 50 }, { limit: '75' }, { link }).items.length, 50);
  assert.throws(() => paginate(source, urls, { limit: 'ten' }, { link }), GraphError);
});

test('paging styles: cursors only, after-only, none; the read cap', () => {
  const source = lazySource(30, (i) => i);
  assert.deepEqual(Object.keys(paginate(source, { ...urls, paging: 'cursors' }, { limit: '10' }, { link }).paging!), ['cursors']);
  const afterOnly = paginate(source, { ...urls, paging: 'after-only' }, { limit: '10' }, { link }).paging as Record<string, unknown>;
  assert.deepEqual(Object.keys(afterOnly['cursors'] as object), ['after']);
  assert.equal(typeof afterOnly['next'], 'string');
  assert.equal(paginate(source, { ...urls, paging: 'after-only' }, { limit: '10', after: encodeCursor(19) }, { link }).paging, undefined);
  assert.equal(paginate(source, { ...urls, paging: 'none' }, {}, { link }).paging, undefined);
  const capped = paginate(source, urls, { limit: '10', after: encodeCursor(9) }, { link, cap: 20 });
  assert.equal((capped.paging as { next?: string }).next, undefined);
  assert.throws(() => paginate(source, urls, { after: encodeCursor(20) }, { link, cap: 20 }), GraphError);
});
