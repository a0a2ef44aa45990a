import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IdCodec, hashtagIdFor, packComment, unpackComment, type IdKind } from '../../../../src/sandbox/data/ids.js';

const KINDS: [IdKind, number][] = [
  ['user', 1e11], ['page', 1e11], ['business', 1e11], ['systemUser', 1e11], ['app', 1e11], ['igUser', 1e12],
  ['media', 1e14], ['child', 1e14], ['story', 1e14], ['comment', 1e14], ['hashtagMedia', 1e14], ['overlay', 1e14],
];

test('ids decode back to their kind and payload (property)', () => {
  const codec = new IdCodec(42);
  fc.assert(fc.property(fc.constantFrom(...KINDS), fc.double({ min: 0, max: 1, noNaN: true }), ([kind, max], u) => {
    const payload = Math.min(max - 1, Math.floor(u * max));
    const id = codec.encode(kind, payload);
    assert.match(id, /^\d+$/);
    assert.deepEqual(codec.decode(id), { kind, payload });
  }), { numRuns: 2000 });
});

test('ids look like Meta ids: IG users 17841… and 17 digits, pages 15 digits', () => {
  const codec = new IdCodec(7);
  assert.match(codec.encode('igUser', 0), /^17841\d{12}$/);
  assert.match(codec.encode('media', 5), /^179\d{14}$/);
  assert.match(codec.encode('page', 1), /^\d{15}$/);
  assert.match(hashtagIdFor('coffee'), /^17843\d{12}$/);
  assert.equal(hashtagIdFor('coffee'), hashtagIdFor('coffee'));
  assert.notEqual(new IdCodec(1).encode('media', 5), new IdCodec(2).encode('media', 5));
  assert.equal(codec.decode('123'), undefined);
  assert.equal(codec.decode('abc'), undefined);
});

test('neighbouring payloads get unrelated ids', () => {
  const codec = new IdCodec(42);
  const a = codec.encode('media', 100);
  const b = codec.encode('media', 101);
  assert.notEqual(a.slice(-6), b.slice(-6));
  assert.notEqual(a.slice(3, 9), b.slice(3, 9));
});

test('comment payloads pack account, media, comment and reply', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 }),
    (account, media, comment, reply) => {
      const payload = packComment(account, media, comment, reply);
      assert.ok(payload < 1e14);
      assert.deepEqual(unpackComment(payload), { account, media, comment, reply });
    }));
});
