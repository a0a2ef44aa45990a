/** docs/sql.md stays in step with the engine: every function is documented, and its examples run. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { FUNCTIONS } from '../../../src/sql/functions/index.js';
import { run, testCatalog } from './fixtures.js';

const doc = readFileSync(new URL('../../../docs/sql.md', import.meta.url), 'utf8');

test('every function and alias is in docs/sql.md', () => {
  for (const f of FUNCTIONS) {
    assert.ok(doc.includes(`\`${f.signature}\``), `${f.name}: signature ${f.signature} missing`);
    for (const alias of f.aliases ?? []) assert.ok(doc.includes(alias), `${f.name}: alias ${alias} missing`);
  }
});

test('the examples in the reference run', async () => {
  const catalog = testCatalog();
  for (const sql of [
    'SELECT NOW(), 1 + 1',
    "SELECT Id FROM Media WHERE Timestamp >= DATEADD(day, -7, NOW()) AND LikeCount > '10'",
    'SELECT (SELECT MAX(LikeCount) FROM Media)',
    "SELECT * FROM Comments WHERE MediaId IN (SELECT Id FROM Media WHERE LikeCount > 100)",
    'SELECT m.Id FROM Media m WHERE EXISTS (SELECT 1 FROM Comments c WHERE c.MediaId = m.Id)',
    "SELECT ColumnName, DataTypeName FROM sys_tablecolumns WHERE TableName = 'Media'",
    "SELECT * FROM sys_sqlinfo WHERE Name = 'SUPPORTED_OPERATORS'",
  ]) {
    await run(catalog, sql);
  }
  assert.deepEqual((await run(catalog, 'SELECT Id FROM Media WHERE Id = :id', { id: 'm1' })).rows, [{ Id: 'm1' }]);
});
