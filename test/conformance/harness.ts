/**
 * Conformance harness: the same rows in SQLite (better-sqlite3) and in igsql's in-memory views,
 * the same query through both, results compared (as multisets, or in order when ORDER BY fully
 * determines it). Each query runs twice through igsql: once over views that push filters down
 * (declared key columns) and once over plain views, so pushdown can never change an answer.
 *
 * Where we differ from SQLite on purpose, the SQLite side is adapted: dates are stored as
 * 'YYYY-MM-DD HH:MM:SS' text and our Datetime results are compared in that form; booleans are
 * 1/0; UPPER/LOWER are replaced by full-Unicode versions; a case may give its own SQLite SQL.
 */
import Database from 'better-sqlite3';
import { Catalog } from '../../src/schema/catalog.js';
import type { Row, SqlValue } from '../../src/schema/types.js';
import { execute, prepare } from '../../src/sql/engine.js';
import type { ConformanceTable } from './data.js';
import { memoryView } from './memory-view.js';

export interface ConformanceCase {
  readonly sql: string;
  /** The query for SQLite when it must be written differently. */
  readonly sqlite?: string;
  readonly params?: readonly unknown[];
  /** Compare in order (the ORDER BY determines every row's position). */
  readonly ordered?: boolean;
}

/** One way of running a case through igsql (memory views with or without pushdown, a live connection). */
export interface IgsqlRunner {
  readonly label: string;
  rows(c: ConformanceCase): Promise<unknown[][]>;
}

export interface Outcome {
  readonly ok: boolean;
  readonly message: string;
}

const AFFINITY = { String: 'TEXT', Integer: 'INTEGER', Double: 'REAL', Boolean: 'INTEGER', Datetime: 'TEXT', Json: 'TEXT' } as const;

export function sqliteDate(d: Date): string {
  const iso = d.toISOString();
  return d.getUTCMilliseconds() === 0 ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

function toSqlite(v: SqlValue): unknown {
  if (v instanceof Date) return sqliteDate(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v;
}

export function normalize(v: unknown): unknown {
  if (v instanceof Date) return sqliteDate(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return Number.isInteger(v) ? v : Number(v.toPrecision(10));
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v;
}

export class Harness {
  readonly db: Database.Database;
  readonly pushing: Catalog<unknown>;
  readonly plain: Catalog<unknown>;
  readonly runners: readonly IgsqlRunner[];

  /** `runners` replace the default in-memory views (e.g. a connection to the sandbox). */
  constructor(tables: readonly ConformanceTable[], runners?: readonly IgsqlRunner[]) {
    this.db = new Database(':memory:');
    this.db.function('upper', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? s.toUpperCase() : s === null ? null : String(s).toUpperCase()));
    this.db.function('lower', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? s.toLowerCase() : s === null ? null : String(s).toLowerCase()));
    for (const t of tables) {
      this.db.exec(`CREATE TABLE "${t.name}" (${t.columns.map((c) => `"${c.name}" ${AFFINITY[c.type]}`).join(', ')})`);
      const insert = this.db.prepare(`INSERT INTO "${t.name}" VALUES (${t.columns.map(() => '?').join(', ')})`);
      this.db.transaction(() => {
        for (const row of t.rows) insert.run(...t.columns.map((c) => toSqlite(row[c.name] ?? null)));
      })();
    }
    this.pushing = new Catalog({ views: tables.map((t) => memoryView({ ...t, keyColumns: t.keyColumns ?? [] }, [], 7)) });
    this.plain = new Catalog({ views: tables.map((t) => memoryView({ ...t, keyColumns: [] })) });
    this.runners = runners ?? [
      { label: 'with pushdown', rows: (c) => this.igsqlRows(c, this.pushing) },
      { label: 'without pushdown', rows: (c) => this.igsqlRows(c, this.plain) },
    ];
  }

  sqliteRows(c: ConformanceCase): unknown[][] {
    const statement = this.db.prepare(c.sqlite ?? c.sql.replace(/\bTOP\s+(\d+)\b(.*)$/is, '$2 LIMIT $1'));
    return (statement.raw(true).all(...(c.params ?? [])) as unknown[][]).map((r) => r.map(normalize));
  }

  async igsqlRows(c: ConformanceCase, catalog: Catalog<unknown>): Promise<unknown[][]> {
    const result = execute(prepare(c.sql, catalog), c.params ?? [], { api: undefined, now: new Date('2026-06-01T00:00:00Z') });
    const keys = result.columns.map((col) => col.name);
    const rows: unknown[][] = [];
    for await (const batch of result.rows) for (const row of batch as Row[]) rows.push(keys.map((k) => normalize(row[k] ?? null)));
    return rows;
  }

  async check(c: ConformanceCase): Promise<Outcome> {
    let expected: unknown[][];
    try {
      expected = this.sqliteRows(c);
    } catch (error) {
      return { ok: false, message: `SQLite rejected the case: ${(error as Error).message}` };
    }
    for (const { label, rows } of this.runners) {
      let actual: unknown[][];
      try {
        actual = await rows(c);
      } catch (error) {
        return { ok: false, message: `igsql (${label}) failed: ${(error as Error).message}` };
      }
      const diff = compareRows(expected, actual, c.ordered === true);
      if (diff) return { ok: false, message: `${label}: ${diff}` };
    }
    return { ok: true, message: `${expected.length} rows` };
  }
}

function show(rows: unknown[][]): string {
  return rows.slice(0, 5).map((r) => JSON.stringify(r)).join('\n    ') + (rows.length > 5 ? `\n    … (${rows.length} rows)` : '');
}

export function compareRows(expected: unknown[][], actual: unknown[][], ordered: boolean): string | undefined {
  if (expected.length !== actual.length) return `row count ${actual.length}, SQLite ${expected.length}\n  igsql:  ${show(actual)}\n  sqlite: ${show(expected)}`;
  const width = expected[0]?.length ?? 0;
  if (actual.length > 0 && actual[0]!.length !== width) return `column count ${actual[0]!.length}, SQLite ${width}`;
  const e = expected.map((r) => JSON.stringify(r));
  const a = actual.map((r) => JSON.stringify(r));
  if (!ordered) {
    e.sort();
    a.sort();
  }
  for (let i = 0; i < e.length; i++) {
    if (e[i] !== a[i]) return `${ordered ? `row ${i + 1}` : 'rows'} differ: igsql ${a[i]}, SQLite ${e[i]}\n  igsql:  ${show(actual)}\n  sqlite: ${show(expected)}`;
  }
  return undefined;
}
