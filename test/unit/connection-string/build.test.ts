import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildConnectionString, parseConnectionString } from '../../../src/connection-string/parse.js';
import { quoteIfNeeded } from '../../../src/connection-string/build.js';

test('values are quoted only when they must be', () => {
  assert.equal(buildConnectionString({ Timeout: '30', Other: 'a=b=c', X: 'no "escaping" \'here\'', Y: 'a}b{', E: '' }), "Timeout=30;Other=a=b=c;X=no \"escaping\" 'here';Y=a}b{;E=");
  assert.equal(quoteIfNeeded('a;b'), "'a;b'");
  assert.equal(quoteIfNeeded(' lead'), "' lead'");
  assert.equal(quoteIfNeeded('trail\t'), "'trail\t'");
  assert.equal(quoteIfNeeded(' '), "' '");
  assert.equal(quoteIfNeeded("'x"), `"'x"`);
  assert.equal(quoteIfNeeded('"x'), `'"x'`);
  assert.equal(quoteIfNeeded('{x}'), "'{x}'");
  assert.equal(quoteIfNeeded('=x'), "'=x'");
  assert.equal(quoteIfNeeded('a\u0001b'), "'a\u0001b'");
  assert.equal(quoteIfNeeded('a\u0085b'), "'a\u0085b'");
});

test('a value with both quotes is single-quoted with its single quotes doubled', () => {
  assert.equal(quoteIfNeeded(`it's "x";`), `'it''s "x";'`);
  assert.equal(quoteIfNeeded(`it's;`), `"it's;"`);
});

test('= in keys is written ==', () => {
  assert.equal(buildConnectionString({ 'a=b': 'c', '=': '=' }), "a==b=c;==='='");
  assert.deepEqual(parseConnectionString("a==b=c;==='='").toRecord(), { 'a=b': 'c', '=': '=' });
});

test('a Map or a list of pairs can be built as well', () => {
  assert.equal(buildConnectionString(new Map([['a', '1'], ['b', '2']])), 'a=1;b=2');
  assert.equal(buildConnectionString([['a', '1']]), 'a=1');
  assert.equal(buildConnectionString({}), '');
});

test('a first key that looks like a JDBC prefix gets an empty pair in front', () => {
  for (const key of ['jdbc:instagram:x', 'JDBC:CDATA:INSTAGRAM:', 'jdbc:instagram:']) {
    const text = buildConnectionString({ [key]: 'v', other: 'w' });
    assert.ok(text.startsWith(';'), text);
    assert.deepEqual(parseConnectionString(text).toRecord(), { [key]: 'v', other: 'w' });
  }
  assert.equal(buildConnectionString({ jdbc: 'x' }), 'jdbc=x');
});

test('keys that cannot be written are refused with a usage error', () => {
  const cases: [Iterable<readonly [string, string]>, RegExp][] = [
    [[['', 'x']], /a key must not be empty/],
    [[['  ', 'x']], /a key must not be empty/],
    [[[' a', 'x']], /the key ' a' must not start or end with white space/],
    [[['a\n', 'x']], /must not start or end with white space/],
    [[['a;b', 'x']], /the key 'a;b' must not contain ';'/],
    [[['Timeout', '1'], ['TIMEOUT', '2']], /the key 'TIMEOUT' appears twice \(keys ignore case\)/],
    [[[1 as unknown as string, 'x']], /a key must not be empty/],
  ];
  for (const [entries, message] of cases) {
    assert.throws(() => buildConnectionString(entries), { code: 'usage', message }, String(message));
  }
  assert.throws(() => buildConnectionString({ a: 5 as unknown as string }), { code: 'usage', message: /the value of a must be a string, not number/ });
});

/** Keys a builder can write: non-empty, trimmed, no ';'. */
const key = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 12 })
  .filter((k) => k.trim() === k && k !== '' && !k.includes(';'));
/** Any unicode text, including lone surrogates, quotes, braces, = and ;. */
const value = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: fc.constantFrom("'", '"', '{', '}', '=', ';', ' ', '\t', '\n', 'a', 'é', '\uD800'), maxLength: 12 }),
);
const record = fc
  .uniqueArray(fc.tuple(key, value), { selector: ([k]) => k.toLowerCase(), maxLength: 8 })
  .map((entries) => Object.fromEntries(entries) as Record<string, string>);

test('parse(build(x)) equals x for any record of writable keys and any values', () => {
  fc.assert(
    fc.property(record, (x) => {
      assert.deepEqual(parseConnectionString(buildConnectionString(x)).toRecord(), x);
    }),
    { numRuns: 2000 },
  );
});

test('keys with = and quotes round-trip too', () => {
  const tricky = fc
    .string({ unit: fc.constantFrom('=', "'", '"', '{', 'k', ' '), minLength: 1, maxLength: 8 })
    .filter((k) => k.trim() === k && k !== '');
  fc.assert(
    fc.property(fc.uniqueArray(fc.tuple(tricky, value), { selector: ([k]) => k.toLowerCase(), maxLength: 5 }), (entries) => {
      const x = Object.fromEntries(entries);
      assert.deepEqual(parseConnectionString(buildConnectionString(x)).toRecord(), x);
    }),
    { numRuns: 1000 },
  );
});

test('build(parse(s)) is a fixed point: building a parsed string again gives the same text', () => {
  fc.assert(
    fc.property(record, (x) => {
      const once = buildConnectionString(x);
      assert.equal(buildConnectionString(parseConnectionString(once).toRecord()), once);
    }),
  );
});
