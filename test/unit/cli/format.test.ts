import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cellText, outputFormat, renderTable } from '../../../src/cli/format.js';

test('outputFormat: table by default, case-insensitive, limited to what a command supports', () => {
  assert.equal(outputFormat(undefined), 'table');
  assert.equal(outputFormat('JSON'), 'json');
  assert.throws(() => outputFormat('json', ['table']), { code: 'usage', message: "unknown --format 'json': expected table" });
  assert.throws(() => outputFormat('xml'), { code: 'usage', message: "unknown --format 'xml': expected table, csv, json or ndjson" });
  assert.equal(outputFormat(undefined, undefined, 'csv'), 'csv');
});

test('renderTable pads columns by characters; the last column is not padded', () => {
  assert.equal(
    renderTable(['A', 'Bee'], [['long value', 'x'], ['é', 'yy']]),
    ['A          | Bee', '-----------+----', 'long value | x', 'é          | yy', ''].join('\n'),
  );
  assert.equal(renderTable(['Only'], []), 'Only\n----\n');
});

test('cellText joins lists and escapes control characters', () => {
  assert.equal(cellText(['a', 'b']), 'a, b');
  assert.equal(cellText(5), '5');
  assert.equal(cellText(false), 'false');
  assert.equal(cellText('line\nbreak\ttab\u0001'), 'line\\nbreak\\ttab\\u0001');
});
