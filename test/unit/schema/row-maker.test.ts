import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { rowMaker } from '../../../src/schema/row-maker.js';
import { run, testCatalog } from '../sql/fixtures.js';

test('a row has every key as an own property, in order, whatever the name', () => {
  const keys = ['Id', '__proto__', 'constructor', 'a"b\\c', '\u2028', 'x y', 'toString', ''];
  const row = rowMaker(keys)(keys.map((_, i) => i));
  assert.deepEqual(Object.keys(row), keys);
  assert.deepEqual(keys.map((k) => Object.getOwnPropertyDescriptor(row, k)?.value), keys.map((_, i) => i));
  assert.equal(Object.getPrototypeOf(row), Object.prototype);
  fc.assert(
    fc.property(fc.uniqueArray(fc.string({ unit: 'binary' }), { maxLength: 6 }), (names) => {
      const made = rowMaker(names)(names.map((_, i) => i));
      // (as in any object, integer-like keys such as "1" are listed first, so compare as a map)
      assert.deepEqual(made, Object.fromEntries(names.map((n, i) => [n, i])));
      assert.equal(Object.keys(made).length, names.length);
    }),
  );
});

test('SELECT x AS "__proto__" keeps its value, and the row its prototype', async () => {
  const { rows, columns } = await run(testCatalog(), 'SELECT 1 AS "__proto__", 2 AS b', undefined);
  assert.deepEqual(columns.map((c) => c.name), ['__proto__', 'b']);
  assert.deepEqual(Object.entries(rows[0]!), [['__proto__', 1], ['b', 2]]);
  assert.equal(Object.getPrototypeOf(rows[0]), Object.prototype);
});

test('without code generation from strings, rows are the same', () => {
  const module = fileURLToPath(new URL('../../../src/schema/row-maker.ts', import.meta.url));
  const script = `const { rowMaker } = await import(${JSON.stringify(module)}); const r = rowMaker(['a', '__proto__'])([1, 2]); console.log(JSON.stringify([Object.entries(r), Object.getPrototypeOf(r) === Object.prototype]));`;
  const child = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(child.stderr, '');
  assert.deepEqual(JSON.parse(child.stdout), [[['a', 1], ['__proto__', 2]], true]);
});
