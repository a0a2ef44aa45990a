import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mayHoldUnsafeInteger, parseJsonLossless, quoteBigIntegers } from '../../../src/http/json.js';
import { createLimiter, mapConcurrent } from '../../../src/http/limiter.js';

test('parseJsonLossless keeps unsafe integers as strings and leaves the rest alone', () => {
  assert.deepEqual(parseJsonLossless('{"user_id":27640875392278831,"a":[-90071992547409931,1.5e300,12],"s":"27640875392278831 in text"}'), {
    user_id: '27640875392278831',
    a: ['-90071992547409931', 1.5e300, 12],
    s: '27640875392278831 in text',
  });
  assert.deepEqual(parseJsonLossless('{"x":9007199254740991}'), { x: 9007199254740991 });
  assert.equal(quoteBigIntegers('{"a":"\\"12345678901234567890"}'), '{"a":"\\"12345678901234567890"}');
});

test('mayHoldUnsafeInteger: ids in strings skip the scan; every place a long number literal can stand is caught', () => {
  // Graph ids are strings: no scan needed (the old check, any 16 digits anywhere, scanned these)
  assert.equal(mayHoldUnsafeInteger('{"data":[{"id":"17841400000000000","like_count":12}],"paging":{"cursors":{"after":"QVFIMlJ4eHc"}}}'), false);
  assert.equal(mayHoldUnsafeInteger('{"a":1234567890123456789.5e3}'), true); // only a false positive: the scan keeps it a number
  for (const text of ['27640875392278831', '-27640875392278831', '{"user_id":27640875392278831}', '{"a": \n\t 27640875392278831}', '[1,27640875392278831]', '[ -27640875392278831]', '{"a":[27640875392278831]}']) {
    assert.equal(mayHoldUnsafeInteger(text), true, text);
    assert.notDeepEqual(parseJsonLossless(text), JSON.parse(text), text);
  }
});

test('property: every integer survives exactly (as number when safe, as decimal string when not)', () => {
  fc.assert(
    fc.property(fc.array(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), { maxLength: 20 }), fc.string(), (ints, s) => {
      const text = `{"s":${JSON.stringify(s)},"n":[${ints.join(',')}]}`;
      const parsed = parseJsonLossless(text) as { s: string; n: Array<number | string> };
      return parsed.s === s && parsed.n.every((v, i) => (Number.isSafeInteger(Number(ints[i])) ? v === Number(ints[i]) : v === String(ints[i])));
    }),
  );
});

test('limiter bounds concurrency and keeps FIFO order', async () => {
  const limiter = createLimiter(2);
  let active = 0;
  let peak = 0;
  const order: number[] = [];
  await Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      limiter.run(async () => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setImmediate(r));
        order.push(i);
        active--;
      }),
    ),
  );
  assert.equal(peak, 2);
  assert.deepEqual(order, [0, 1, 2, 3, 4, 5, 6, 7]);
});

test('mapConcurrent keeps input order, bounds concurrency and rejects on the first failure', async () => {
  let active = 0;
  let peak = 0;
  const out = await mapConcurrent([5, 1, 3, 2], 2, async (x) => {
    active++;
    peak = Math.max(peak, active);
    await new Promise((r) => setTimeout(r, x));
    active--;
    return x * 10;
  });
  assert.deepEqual(out, [50, 10, 30, 20]);
  assert.equal(peak, 2);
  await assert.rejects(mapConcurrent([1, 2, 3], 2, async (x) => { if (x === 2) throw new Error('boom'); return x; }), /boom/);
});
