/**
 * Byte-identity of the sandbox's answers: every request of golden-requests.ts must hash as recorded
 * in render-golden.json. Speed work on the sandbox must not change a byte; a deliberate behaviour
 * change re-records with `GOLDEN_UPDATE=1 npx tsx --test test/unit/sandbox/golden/render-golden.test.ts`.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { goldenHashes } from './golden-requests.js';

const FILE = new URL('./render-golden.json', import.meta.url);

test('sandbox answers are byte-identical to the recorded hashes', async () => {
  const actual = await goldenHashes();
  if (process.env['GOLDEN_UPDATE'] === '1') {
    writeFileSync(FILE, `${JSON.stringify(actual, null, 1)}\n`);
    return;
  }
  const expected = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, string>;
  const changed = Object.keys(expected).filter((k) => actual[k] !== expected[k]);
  const added = Object.keys(actual).filter((k) => !(k in expected));
  assert.deepEqual({ changed: changed.slice(0, 10), added: added.slice(0, 10) }, { changed: [], added: [] });
  assert.equal(Object.keys(actual).length, Object.keys(expected).length);
});
