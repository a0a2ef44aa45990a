import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { GraphError } from '../../../../src/sandbox/graph-error.js';
import { checkCaption } from '../../../../src/sandbox/writes/create-container.js';
import { booleanParam } from '../../../../src/sandbox/writes/write-errors.js';

function failure(caption: string): { code: number; subcode?: number; detail?: string } | undefined {
  try {
    checkCaption(caption);
    return undefined;
  } catch (error) {
    assert.ok(error instanceof GraphError);
    return { code: error.spec.code, subcode: error.spec.subcode, detail: error.spec.userMessage };
  }
}

test('captions: at most 2200 characters (code points), 30 hashtags, 20 @-mentions → 36004/2207010', () => {
  assert.equal(failure('x'.repeat(2200)), undefined);
  assert.deepEqual(failure('x'.repeat(2201)), { code: 36004, subcode: 2207010, detail: 'The caption has 2201 characters; the maximum is 2200.' });
  assert.equal(failure('☕'.repeat(2200)), undefined, 'emoji count as one character');
  const tags = (n: number) => Array.from({ length: n }, (_, i) => `#tag${i}`).join(' ');
  assert.equal(failure(tags(30)), undefined);
  assert.equal(failure(tags(31))?.detail, 'The caption has 31 hashtags; the maximum is 30.');
  const mentions = (n: number) => Array.from({ length: n }, (_, i) => `@user.${i}`).join(' ');
  assert.equal(failure(mentions(20)), undefined);
  assert.equal(failure(mentions(21))?.detail, 'The caption has 21 @-mentions; the maximum is 20.');
  assert.equal(failure(`${'mail me at a@b.example '.repeat(25)}`), undefined, 'e-mail addresses are not mentions');
});

test('property: a caption passes exactly when all three counts are within the limits', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 2300 }), (h, m, pad) => {
    const body = [...Array.from({ length: h }, (_, i) => `#h${i}`), ...Array.from({ length: m }, (_, i) => `@m${i}`)].join(' ');
    const caption = body + ' ' + 'x'.repeat(pad);
    const ok = [...caption].length <= 2200 && h <= 30 && m <= 20;
    return (failure(caption) === undefined) === ok;
  }));
});

test('boolean parameters: true/false/1/0 in any case; other values are (#100) errors naming the parameter', () => {
  assert.equal(booleanParam({ hide: 'TRUE' }, 'hide'), true);
  assert.equal(booleanParam({ hide: '0' }, 'hide'), false);
  assert.equal(booleanParam({}, 'hide'), undefined);
  assert.throws(() => booleanParam({ hide: 'yes' }, 'hide'), /\(#100\) Param hide must be a boolean \(true or false\), got "yes"/);
});
