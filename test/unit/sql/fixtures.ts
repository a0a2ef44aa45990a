/** A small catalog of in-memory views and a procedure for the SQL engine's unit tests. */
import { Catalog } from '../../../src/schema/catalog.js';
import { defineView, type ViewDefinition } from '../../../src/schema/define-view.js';
import { defineProcedure } from '../../../src/procedures/define-procedure.js';
import type { ResultColumn, Row } from '../../../src/schema/types.js';
import { execute, prepare, type ExecuteOptions, type Params } from '../../../src/sql/engine.js';
import { memoryView, type CallLog } from '../../conformance/memory-view.js';

export const MEDIA_ROWS: Row[] = Array.from({ length: 30 }, (_, i) => ({
  Id: `m${i}`,
  AccountId: i % 2 === 0 ? 'a1' : 'a2',
  Caption: i % 5 === 0 ? null : `Caption ${i} #tag${i % 3}`,
  MediaType: ['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM'][i % 3]!,
  LikeCount: i % 7 === 0 ? null : (i * 37) % 101,
  CommentsCount: i % 4,
  Timestamp: new Date(Date.UTC(2026, 0, 30 - i, 12)), // newest first
  IsCommentEnabled: i % 3 !== 0,
}));

export function testCatalog(log: CallLog[] = []): Catalog<unknown> {
  const media = memoryView({
    name: 'Media', aliases: ['IGMedia'],
    columns: [
      { name: 'Id', type: 'String', key: true }, { name: 'AccountId', type: 'String', references: { view: 'Account', column: 'Id' } },
      { name: 'Caption', type: 'String' }, { name: 'MediaType', type: 'String' }, { name: 'LikeCount', type: 'Integer' },
      { name: 'CommentsCount', type: 'Integer' }, { name: 'Timestamp', type: 'Datetime' }, { name: 'IsCommentEnabled', type: 'Boolean' },
    ],
    keyColumns: [
      { column: 'Id', operators: ['=', 'in'], require: 'optional' },
      { column: 'AccountId', operators: ['='], require: 'optional' },
      { column: 'Timestamp', operators: ['>', '>=', '<', '<='], require: 'optional' },
    ],
    orderedBy: { column: 'Timestamp', direction: 'desc' },
    rows: MEDIA_ROWS,
  }, log, 10);
  const comments = memoryView({
    name: 'Comments',
    columns: [
      { name: 'Id', type: 'String', key: true }, { name: 'MediaId', type: 'String', references: { view: 'Media', column: 'Id' } },
      { name: 'Text', type: 'String' }, { name: 'Hidden', type: 'Boolean' }, { name: 'LikeCount', type: 'Integer' },
    ],
    keyColumns: [{ column: 'MediaId', operators: ['='], require: 'required' }],
    rows: Array.from({ length: 60 }, (_, i) => ({ Id: `c${i}`, MediaId: `m${i % 20}`, Text: `comment ${i}`, Hidden: i % 9 === 0, LikeCount: i % 5 })),
  }, log);
  const insights = memoryView({
    name: 'MediaInsights',
    columns: [
      { name: 'MediaId', type: 'String', key: true }, { name: 'Reach', type: 'Integer' }, { name: 'Views', type: 'Integer' },
      { name: 'Period', type: 'String', pseudo: true },
    ],
    keyColumns: [{ column: 'MediaId', operators: ['=', 'in'], require: 'required' }, { column: 'Period', operators: ['='], require: 'optional' }],
    rows: MEDIA_ROWS.map((m, i) => ({ MediaId: m['Id']!, Reach: i * 10, Views: i % 4 === 0 ? null : i * 100 })),
  }, log);
  const account = memoryView({
    name: 'Account', aliases: ['InstagramBusinessProfile'],
    columns: [{ name: 'Id', type: 'String', key: true }, { name: 'Username', type: 'String' }],
    keyColumns: [{ column: 'Id', operators: ['='], require: 'any_of' }, { column: 'Username', operators: ['='], require: 'any_of' }],
    rows: [{ Id: 'a1', Username: 'acme' }, { Id: 'a2', Username: 'zed' }],
  }, log);
  const echo = defineProcedure<unknown>({
    name: 'Echo', aliases: ['EchoBack'], description: 'Returns its arguments.',
    parameters: [
      { name: 'Text', type: 'String', description: 'Any text.', required: true },
      { name: 'Count', type: 'Integer', description: 'A number.', required: false, default: 5 },
      { name: 'Mode', type: 'String', description: 'fast or slow.', required: false, values: ['fast', 'slow'] },
    ],
    resultColumns: [
      { name: 'Text', type: 'String', description: 'The text.' }, { name: 'Count', type: 'Integer', description: 'The number.' },
      { name: 'Mode', type: 'String', description: 'The mode.' },
    ],
    examples: [{ description: 'echo', sql: "EXEC Echo @Text = 'hi'" }],
    run: async (args) => [{ Text: args['Text']!, Count: args['Count']!, Mode: args['Mode']! }],
  });
  return new Catalog({ views: [media, comments, insights, account], procedures: [echo] });
}

/** A view of `n` generated rows, `pageSize` per page, that counts the pages it yields and whether it was closed early. */
export function bigView(n: number, pageSize: number, stats: { pages: number; finished: boolean; returned: boolean }): ViewDefinition<unknown> {
  return defineView<unknown>({
    name: 'Big', aliases: [], description: 'generated rows',
    columns: [{ name: 'N', type: 'Integer', description: 'n' }, { name: 'Half', type: 'Integer', description: 'n / 2' }],
    keyColumns: [], examples: [{ description: 'all', sql: 'SELECT * FROM Big' }],
    async *list() {
      try {
        for (let i = 0; i < n; i += pageSize) {
          stats.pages++;
          yield Array.from({ length: Math.min(pageSize, n - i) }, (_, k) => ({ N: i + k, Half: Math.floor((i + k) / 2) }));
        }
        stats.finished = true;
      } finally {
        if (!stats.finished) stats.returned = true;
      }
    },
  });
}

export async function run(
  catalog: Catalog<unknown>,
  sql: string,
  params?: Params,
  options: Partial<ExecuteOptions> = {},
): Promise<{ columns: readonly ResultColumn[]; rows: Row[] }> {
  const result = execute(prepare(sql, catalog), params, { api: undefined, ...options });
  const rows: Row[] = [];
  for await (const batch of result.rows) rows.push(...batch);
  return { columns: result.columns, rows };
}

/** The single value of a one-row, one-column query without FROM. */
export async function value(sql: string, params?: Params): Promise<unknown> {
  const { rows, columns } = await run(testCatalog(), `SELECT ${sql}`, params, { now: new Date('2026-05-19T23:27:28Z') });
  return rows[0]![columns[0]!.name];
}
