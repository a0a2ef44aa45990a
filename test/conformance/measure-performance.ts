/**
 * A quick local measurement (not a test): igsql's own per-row time vs better-sqlite3 for the same
 * filter and group-by over the same in-memory rows. Run: npx tsx test/conformance/measure-performance.ts [rows]
 */
import Database from 'better-sqlite3';
import { Catalog } from '../../src/schema/catalog.js';
import { defineView } from '../../src/schema/define-view.js';
import type { Row } from '../../src/schema/types.js';
import { execute, prepare } from '../../src/sql/engine.js';
import { prng } from './data.js';

const n = Number(process.argv[2] ?? 1_000_000);
const rand = prng(1);
const types = ['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM'];
const rows: Row[] = [];
for (let i = 0; i < n; i++) {
  rows.push({
    Id: String(17895695668004550 + i),
    MediaType: types[i % 3]!,
    LikeCount: Math.floor(rand() * 1000),
    CommentsCount: Math.floor(rand() * 50),
    Caption: `caption ${i % 1000}`,
  });
}
const PAGE = 1000;
const pages: Row[][] = [];
for (let i = 0; i < n; i += PAGE) pages.push(rows.slice(i, i + PAGE));

const media = defineView<unknown>({
  name: 'Media', aliases: [], description: 'in memory',
  columns: [
    { name: 'Id', type: 'String', description: 'id' }, { name: 'MediaType', type: 'String', description: 't' },
    { name: 'LikeCount', type: 'Integer', description: 'l' }, { name: 'CommentsCount', type: 'Integer', description: 'c' },
    { name: 'Caption', type: 'String', description: 'c' },
  ],
  keyColumns: [], examples: [{ description: 'x', sql: 'SELECT * FROM Media' }],
  async *list() {
    for (const page of pages) yield page;
  },
});
const catalog = new Catalog({ views: [media] });

const db = new Database(':memory:');
db.exec('CREATE TABLE Media (Id TEXT, MediaType TEXT, LikeCount INTEGER, CommentsCount INTEGER, Caption TEXT)');
const insert = db.prepare('INSERT INTO Media VALUES (?, ?, ?, ?, ?)');
db.transaction(() => {
  for (const r of rows) insert.run(r['Id'], r['MediaType'], r['LikeCount'], r['CommentsCount'], r['Caption']);
})();

async function igsql(sql: string): Promise<number> {
  const result = execute(prepare(sql, catalog), undefined, { api: undefined });
  let count = 0;
  for await (const batch of result.rows) count += batch.length;
  return count;
}

async function time(label: string, fn: () => Promise<number> | number): Promise<number> {
  let best = Infinity;
  let count = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    count = await fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  console.log(`${label.padEnd(40)} ${best.toFixed(1).padStart(8)} ms  ${((best * 1e6) / n).toFixed(1).padStart(6)} ns/row  (${count} rows out)`);
  return best;
}

const queries = [
  ['filter', 'SELECT Id, LikeCount FROM Media WHERE LikeCount > 900 AND MediaType = \'VIDEO\''],
  ['group-by', 'SELECT MediaType, COUNT(*), SUM(LikeCount), AVG(CommentsCount) FROM Media GROUP BY MediaType'],
  ['group-by (1000 groups)', 'SELECT Caption, COUNT(*), MAX(LikeCount) FROM Media GROUP BY Caption'],
] as const;
const baseline = await time('scan only (view pages, no engine)', async () => {
  let c = 0;
  for await (const page of media.list({} as never)) c += page.length;
  return c;
});
void baseline;
for (const [label, sql] of queries) {
  const ours = await time(`igsql ${label}`, () => igsql(sql));
  const theirs = await time(`better-sqlite3 ${label}`, () => (db.prepare(sql).all() as unknown[]).length);
  console.log(`  ratio igsql / better-sqlite3 = ${(ours / theirs).toFixed(2)}`);
}
