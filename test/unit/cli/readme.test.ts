import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { main } from '../../../src/cli/main.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

test('the quick start has exactly two set-up commands and shows what the first query really prints on a terminal', async () => {
  const match = /## Quick start\n\n```sh\nnpm install\nnpx igsql (--sandbox) "([^"]*)"\n```\n\n```\n([^`]*)```/.exec(readme);
  assert.ok(match, 'quick start (npm install, then npx igsql --sandbox "...") not found in README.md');
  let stdout = '';
  let stderr = '';
  const code = await main([match[1]!, match[2]!], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {}, stdoutIsTTY: true });
  assert.equal(stderr, '');
  assert.equal(code, 0);
  assert.equal(stdout, match[3]);
  assert.match(stdout, /\| 1784\d+ +\|/, 'the pages show their Instagram account ids');
});
