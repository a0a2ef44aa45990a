import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderProceduresDoc } from '../../../scripts/docs/procedures.js';
import { DOCUMENTS } from '../../../scripts/docs/index.js';
import { OAUTH_PROCEDURES } from '../../../src/procedures/index.js';

test('docs/procedures.md is a generated document (the drift test covers it)', () => {
  assert.ok(DOCUMENTS.some((d) => d.path === 'docs/procedures.md'));
});

test('the procedures doc lists every procedure, parameter and result column, and marks token outputs secret', () => {
  const text = renderProceduresDoc();
  for (const p of OAUTH_PROCEDURES) {
    assert.ok(text.includes(`## ${p.name}\n`), p.name);
    for (const param of p.parameters) assert.ok(text.includes(`| \`${param.name}\` |`), `${p.name} ${param.name}`);
    for (const column of p.resultColumns) {
      const row = text.split('\n').find((l) => l.startsWith(`| \`${column.name}\` | ${column.type} |`) && l.includes(column.description.slice(0, 30)));
      assert.ok(row, `${p.name} ${column.name}`);
      assert.equal(row.includes('**Secret.**'), column.sensitive === true, `${p.name} ${column.name} secret flag`);
    }
  }
  assert.match(text, /\| `AuthMode` \| String \| no \| `WEB` \| .*One of `WEB`, `APP`\. \|/);
});

test('only token outputs are sensitive', () => {
  const sensitive = OAUTH_PROCEDURES.flatMap((p) => p.resultColumns.filter((c) => c.sensitive).map((c) => `${p.name}.${c.name}`));
  assert.deepEqual(sensitive, [
    'GetOAuthAccessToken.OAuthAccessToken',
    'GetOAuthAccessToken.OAuthRefreshToken',
    'RefreshOAuthAccessToken.OAuthAccessToken',
    'RefreshOAuthAccessToken.OAuthRefreshToken',
    'GetPageAccessToken.PageAccessToken',
  ]);
});
