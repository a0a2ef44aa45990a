import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunk, mapConcurrent, mergeOrdered, ordered, concatAhead } from '../../../src/schema/fetch-helpers.js';

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

/** A source of `items` that logs when it starts and when it is closed or done. */
function source(name: string, items: readonly string[], log: string[], fail?: Error) {
  return async function* (): AsyncGenerator<string> {
    log.push(`${name} start`);
    try {
      for (const item of items) {
        await new Promise((r) => setTimeout(r, 5));
        yield item;
      }
      if (fail) throw fail;
      log.push(`${name} done`);
    } finally {
      log.push(`${name} end`);
    }
  };
}

test('concatAhead gives the sources in order, the next one started while the current one is read', async () => {
  const log: string[] = [];
  const opens = [source('a', ['a1', 'a2', 'a3'], log), source('b', ['b1'], log), source('c', ['c1', 'c2'], log)].map((s) => () => s()[Symbol.asyncIterator]());
  const out: string[] = [];
  for await (const item of concatAhead(opens, 1)) out.push(item);
  assert.deepEqual(out, ['a1', 'a2', 'a3', 'b1', 'c1', 'c2']);
  assert.ok(log.indexOf('b start') < log.indexOf('a done'), log.join(', '));
  assert.ok(log.indexOf('c start') > log.indexOf('a done'), 'only one source ahead');
});

test('concatAhead with ahead 0 is a plain sequence; stopping early closes the sources started ahead', async () => {
  const log: string[] = [];
  const opens = [source('a', ['a1'], log), source('b', ['b1'], log)].map((s) => () => s()[Symbol.asyncIterator]());
  for await (const item of concatAhead(opens, 0)) void item;
  assert.deepEqual(log, ['a start', 'a done', 'a end', 'b start', 'b done', 'b end']);

  const log2: string[] = [];
  const opens2 = [source('a', ['a1', 'a2'], log2), source('b', ['b1', 'b2'], log2), source('c', ['c1'], log2)].map((s) => () => s()[Symbol.asyncIterator]());
  for await (const item of concatAhead(opens2, 1)) if (item === 'a1') break;
  assert.ok(log2.includes('a end') && log2.includes('b end'), log2.join(', '));
  assert.ok(!log2.includes('c start'), 'nothing beyond the one ahead was started');
});

test("concatAhead: a source's error comes in its turn, after the sources before it", async () => {
  const log: string[] = [];
  const opens = [source('a', ['a1', 'a2'], log), source('b', [], log, new Error('b failed'))].map((s) => () => s()[Symbol.asyncIterator]());
  const out: string[] = [];
  await assert.rejects(async () => {
    for await (const item of concatAhead(opens, 1)) out.push(item);
  }, /b failed/);
  assert.deepEqual(out, ['a1', 'a2']);
});
