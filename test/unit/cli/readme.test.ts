import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runCli } from './run-cli.js';

test("the README's quick start shows what igsql --check really prints", async () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const match = /```sh\nnpm install\nnpx igsql --check -c "([^"]*)"\n```\n\n```\n([^`]*)```/.exec(readme);
  assert.ok(match, 'quick start not found in README.md');
  const r = await runCli(['--check', '-c', match[1]!]);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, match[2]);
});
