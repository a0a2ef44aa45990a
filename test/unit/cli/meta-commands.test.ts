import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from '../../../src/connection.js';
import { isMetaCommand, metaCommand } from '../../../src/cli/meta-commands.js';

test('backslash commands: \\q, \\?, \\d, \\d View (alias and quotes resolved), unknown ones', async () => {
  const conn = await connect('OAuthAccessToken=EAAtest');
  try {
    assert.ok(isMetaCommand('  \\d'));
    assert.ok(!isMetaCommand('SELECT 1'));
    assert.deepEqual(metaCommand('\\q', conn), { kind: 'quit' });
    assert.equal(metaCommand('\\?', conn).kind, 'print');
    const list = metaCommand('\\d', conn);
    assert.ok(list.kind === 'query' && /FROM sys_tables/.test(list.statement.sql));
    for (const name of ['IGMedia', 'media', '"Media"', '[Media];']) {
      const columns = metaCommand(`\\d ${name}`, conn);
      assert.ok(columns.kind === 'query' && /FROM sys_tablecolumns WHERE TableName = \?/.test(columns.statement.sql));
      assert.deepEqual(columns.params, ['Media'], name);
    }
    assert.throws(() => metaCommand('\\d Medai', conn), { code: 'sql-plan', message: /Unknown view Medai\. Did you mean Media\?/ });
    assert.throws(() => metaCommand('\\x', conn), { code: 'usage', message: /unknown command \\x/ });
  } finally {
    await conn.close();
  }
});
