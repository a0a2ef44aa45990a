/** A procedure's sensitive result column stays marked from the engine to the CLI, which masks it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from '../../../src/connection.js';
import { defineProcedure } from '../../../src/procedures/define-procedure.js';
import { Catalog } from '../../../src/schema/catalog.js';
import type { Row } from '../../../src/schema/types.js';
import { execute, prepare } from '../../../src/sql/engine.js';
import { runStatements } from '../../../src/cli/run-statements.js';
import { splitStatements } from '../../../src/cli/split-statements.js';

const TOKEN = 'EAABwzLixnjYBO9ZCsecretsecretsecretZDZD';

const catalog = new Catalog({
  views: [],
  procedures: [
    defineProcedure<unknown>({
      name: 'GetToken', description: 'Returns a token.', parameters: [],
      resultColumns: [
        { name: 'OAuthAccessToken', type: 'String', description: 'The token.', sensitive: true },
        { name: 'ExpiresIn', type: 'Integer', description: 'Seconds.' },
      ],
      examples: [{ description: 'get', sql: 'EXEC GetToken' }],
      run: async () => [{ OAuthAccessToken: TOKEN, ExpiresIn: 5184000 }],
    }),
  ],
});

/** Just enough of a Connection for runStatements: stream() over the engine and the test catalog. */
const conn = {
  stream(sql: string) {
    const result = execute(prepare(sql, catalog as Catalog<unknown>), undefined, { api: undefined });
    return {
      columns: result.columns,
      async *[Symbol.asyncIterator]() {
        for await (const batch of result.rows) yield* batch as Row[];
      },
    };
  },
} as unknown as Connection;

test('execute() marks a sensitive procedure column, and only that one', () => {
  const { columns } = execute(prepare('EXEC GetToken', catalog as Catalog<unknown>), undefined, { api: undefined });
  assert.deepEqual(columns, [{ name: 'OAuthAccessToken', type: 'String', sensitive: true }, { name: 'ExpiresIn', type: 'Integer' }]);
});

test('the CLI masks it unless --show-secrets', async () => {
  for (const showSecrets of [false, true]) {
    let out = '';
    await runStatements(conn, splitStatements('EXEC GetToken'), (t) => void (out += t), { format: 'csv', showSecrets, params: undefined });
    assert.equal(out, `OAuthAccessToken,ExpiresIn\r\n${showSecrets ? TOKEN : 'EAAB…(masked)'},5184000\r\n`);
  }
});
