import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunk, mapConcurrent, mergeOrdered, ordered } from '../../../src/schema/fetch-helpers.js';

test('chunk splits into fixed-size groups', () => {
  assert.deepEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  assert.deepEqual(chunk([], 3), []);
});

test('ordered keeps input order and bounds concurrency', async () => {
  let inFlight = 0;
  let peak = 0;
  const results = await mapConcurrent([30, 5, 20, 1, 10], 2, async (ms) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    await new Promise((r) => setTimeout(r, ms));
    inFlight--;
    return ms;
  });
  assert.deepEqual(results, [30, 5, 20, 1, 10]);
  assert.equal(peak, 2);
});

test('ordered stops pulling its source when the consumer stops', async () => {
  let pulled = 0;
  async function* source() {
    for (let i = 0; i < 100; i++) {
      pulled++;
      yield i;
    }
  }
  for await (const value of ordered(source(), 3, async (x) => x)) {
    if (value === 1) break;
  }
  assert.ok(pulled <= 5, `pulled ${pulled}`);
});

test('ordered propagates a failure', async () => {
  await assert.rejects(mapConcurrent([1, 2, 3], 2, async (x) => {
    if (x === 2) throw new Error('two');
    return x;
  }), /two/);
});

test('mergeOrdered merges descending page streams', async () => {
  async function* pages(...ps: number[][]) {
    for (const p of ps) yield p;
  }
  const out: number[] = [];
  for await (const page of mergeOrdered([pages([9, 7], [3]), pages([8, 2], [1]), pages()], (x) => x, true)) out.push(...page);
  assert.deepEqual(out, [9, 8, 7, 3, 2, 1]);
});

test('mergeOrdered reads sources lazily', async () => {
  let second = 0;
  async function* a() {
    yield [10, 9];
    second++;
    yield [1];
  }
  async function* b() {
    yield [5];
  }
  for await (const page of mergeOrdered([a(), b()], (x) => x, true)) {
    assert.ok(page.length > 0);
    break;
  }
  assert.equal(second, 0);
});
