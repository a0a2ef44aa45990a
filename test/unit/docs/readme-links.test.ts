import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const links = [...readme.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));

test('README.md links to every page in docs/', () => {
  const pages = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md'));
  assert.ok(pages.length > 0);
  for (const page of pages) assert.ok(links.includes(`docs/${page}`), `README.md does not link to docs/${page}`);
  if (existsSync(join(root, 'docs', 'views'))) {
    assert.ok(links.includes('docs/views/README.md'), 'README.md does not link to the index of the view pages, docs/views/README.md');
  }
});

test('every relative link of README.md points to a file that exists', () => {
  assert.ok(links.length > 0);
  for (const link of links) assert.ok(existsSync(join(root, link)), `README.md links to ${link}, which does not exist`);
});
