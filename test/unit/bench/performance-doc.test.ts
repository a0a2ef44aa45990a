import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tableLines, type Result } from '../../../bench/table.js';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(fileURLToPath(new URL(path, root)), 'utf8');

test('docs/performance.md shows the table of bench/results/full.json, once and unchanged', () => {
  const full = JSON.parse(read('bench/results/full.json')) as { results: Result[]; totalSeconds: number; node: string };
  const lines = tableLines(full.results);
  const doc = read('docs/performance.md');
  assert.equal(doc.split('\n').filter((line) => line === lines[0]).length, 1, 'the table header appears exactly once');
  assert.ok(doc.includes(`\n${lines.join('\n')}\n`), 'the results table differs from bench/results/full.json: paste the table `npm run bench` printed');
  assert.ok(doc.includes(`${full.totalSeconds.toFixed(0)} s, \`bench/results/full.json\``), 'the run\'s duration is quoted beside the table');
});
