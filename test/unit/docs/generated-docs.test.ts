import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DOCUMENTS } from '../../../scripts/docs/index.js';
import { PROPERTIES } from '../../../src/connection-string/properties.js';
import { renderConnectionStringDoc } from '../../../scripts/docs/connection-string.js';
import { cell, code, table } from '../../../scripts/docs/markdown.js';

const root = new URL('../../../', import.meta.url);

for (const doc of DOCUMENTS) {
  test(`${doc.path} is up to date (run npm run docs)`, () => {
    const committed = readFileSync(fileURLToPath(new URL(doc.path, root)), 'utf8');
    assert.equal(committed, doc.render(), `${doc.path} is stale: run npm run docs and commit the result`);
  });
}

test('the connection-string doc lists every property with its default, aliases and support', () => {
  const text = renderConnectionStringDoc();
  for (const def of PROPERTIES) {
    assert.ok(text.includes(`| **${def.name}** |`), def.name);
    for (const alias of def.aliases) assert.ok(text.includes(code(alias)), alias);
  }
  assert.match(text, /\*\*Location\*\* .*\*\*No effect in igsql:\*\*/);
  assert.match(text, /\*\*Offline\*\* .*\*\*Not supported:\*\* a value other than the default is refused/);
  assert.match(text, /\*\*ProxyPassword\*\* .*\*\*Secret\.\*\*/);
  assert.match(text, /\*\*FirewallPort\*\* \| integer 0–65535 \| 80 for TUNNEL, 1080 for SOCKS4 and SOCKS5 \|/);
  assert.match(text, /\*\*the last one wins\*\*/);
  // The syntax examples are parsed by the real parser when the doc is rendered.
  assert.ok(text.includes('| `Key==Name=value` | `Key=Name` | `value` |'));
  assert.ok(text.includes("| `Views='it''s'` | `Views` | `it's` |"));
});

test('markdown helpers escape what would break a table', () => {
  assert.equal(cell('a|b\n c'), 'a\\|b c');
  assert.equal(code('a`b'), '``a`b``');
  assert.equal(code('`x'), '`` `x ``');
  assert.equal(table(['A'], [['1']]), '| A |\n|---|\n| 1 |');
});

test('every view has a generated doc listing its columns, and the index links it', async () => {
  const { INSTAGRAM_VIEWS } = await import('../../../src/schema/views/index.js');
  const paths = new Set(DOCUMENTS.map((d) => d.path));
  const index = DOCUMENTS.find((d) => d.path === 'docs/views/README.md')!.render();
  for (const view of INSTAGRAM_VIEWS) {
    const doc = DOCUMENTS.find((d) => d.path === `docs/views/${view.name}.md`);
    assert.ok(doc && paths.has(doc.path), view.name);
    const text = doc.render();
    for (const column of view.columns) assert.ok(text.includes(`| ${column.name}`), `${view.name}.${column.name}`);
    for (const alias of view.aliases) assert.ok(text.includes(`\`${alias}\``), `${view.name} alias ${alias}`);
    assert.match(text, /## Required filters/);
    assert.ok(index.includes(`[${view.name}](${view.name}.md)`), `index links ${view.name}`);
  }
});
