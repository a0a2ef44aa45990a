import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findReferences, parsePath, referenceText, selectPath, substituteReferences, UnsupportedPathError } from '../../../../src/sandbox/batch/json-path.js';

const page = { data: [{ id: '1', n: 2 }, { id: '2', n: 3 }], paging: { cursors: { after: 'QVFI' } } };

test('selectPath supports $, .key, [\'key\'], .*, [n] and [*]', () => {
  assert.deepEqual(selectPath(page, '$.data.*.id'), ['1', '2']);
  assert.deepEqual(selectPath(page, '$.data[*].id'), ['1', '2']);
  assert.deepEqual(selectPath(page, '$.data[1].n'), [3]);
  assert.deepEqual(selectPath(page, "$['paging'].cursors.after"), ['QVFI']);
  assert.deepEqual(selectPath({ id: '9' }, '$.id'), ['9']);
  assert.deepEqual(selectPath(page, '$'), [page]);
  assert.deepEqual(selectPath(page, '$.nothing.here'), []);
  assert.deepEqual(selectPath(page, '$.data[7].id'), []);
});

test('unsupported JSONPath forms are refused with a message naming the supported subset', () => {
  for (const path of ['$..id', 'data.id', '$.data[?(@.n>2)]', '$.data[0:1]']) {
    assert.throws(() => parsePath(path), (e: unknown) => e instanceof UnsupportedPathError && /\$/.test((e as Error).message), path);
  }
});

test('references are replaced by the selected values joined with commas', () => {
  const text = '?ids={result=first:$.data.*.id}&fields=id';
  assert.deepEqual(findReferences(text), [{ name: 'first', path: '$.data.*.id' }]);
  assert.equal(substituteReferences(text, (ref) => referenceText(selectPath(page, ref.path))), '?ids=1,2&fields=id');
  assert.equal(referenceText([['a', 'b'], 3, { x: 1 }]), 'a,b,3,{"x":1}');
});

test('text without references is left alone (property)', () => {
  fc.assert(fc.property(fc.string().filter((s) => !s.includes('{result=')), (s) => substituteReferences(s, () => 'X') === s));
});
