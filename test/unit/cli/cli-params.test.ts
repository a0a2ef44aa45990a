import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cliParams, paramValue } from '../../../src/cli/cli-params.js';

test('paramValue types null, booleans and exact numbers; everything else is a string', () => {
  assert.equal(paramValue('null'), null);
  assert.equal(paramValue('NULL'), null);
  assert.equal(paramValue('true'), true);
  assert.equal(paramValue('False'), false);
  assert.equal(paramValue('42'), 42);
  assert.equal(paramValue('-7'), -7);
  assert.equal(paramValue('2.5'), 2.5);
  assert.equal(paramValue('1e3'), 1000);
  assert.equal(paramValue('17841950324177174'), '17841950324177174', 'a Graph id beyond 2^53 stays exact');
  assert.equal(paramValue('007'), '007', 'leading zeros keep the text');
  assert.equal(paramValue('abc'), 'abc');
  assert.equal(paramValue(''), '');
  assert.equal(paramValue("'42'"), '42', 'quotes force a string');
  assert.equal(paramValue("'it''s'"), "it's");
});

test('cliParams: plain values bind ? in order, name=value binds @name', () => {
  assert.equal(cliParams([]), undefined);
  assert.deepEqual(cliParams(['1', 'x', 'null']), [1, 'x', null]);
  assert.deepEqual(cliParams(['id=17841950324177174', '@n=5']), { id: '17841950324177174', n: 5 });
  assert.deepEqual(cliParams(["'a=b'"]), ['a=b'], 'a quoted value is positional even with =');
  assert.deepEqual(cliParams(['q=a=b']), { q: 'a=b' }, 'only the first = splits');
});

test('cliParams rejects mixed kinds and a repeated name', () => {
  assert.throws(() => cliParams(['1', 'id=2']), { code: 'usage', message: /mix name=value .* and plain values/ });
  assert.throws(() => cliParams(['id=1', 'ID=2']), { code: 'usage', message: /-p ID=\.\.\. is given twice/ });
});
