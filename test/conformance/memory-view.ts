/**
 * In-memory views for tests: the same contract as the Instagram views (exact pushdown of the
 * declared key columns, `limit`, `columns`, rows a page at a time), over fixed rows. Every call is
 * logged so tests can check what the planner asked for.
 */
import { defineView, type FetchContext, type KeyColumn, type PushedPredicate, type ViewDefinition } from '../../src/schema/define-view.js';
import type { ColumnType, Row, SqlValue } from '../../src/schema/types.js';

export interface MemoryColumn {
  readonly name: string;
  readonly type: ColumnType;
  readonly key?: boolean;
  readonly pseudo?: boolean;
  readonly references?: { readonly view: string; readonly column: string };
}

export interface MemoryTable {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly columns: readonly MemoryColumn[];
  readonly rows: readonly Row[];
  readonly keyColumns?: readonly KeyColumn[];
  readonly orderedBy?: { readonly column: string; readonly direction: 'asc' | 'desc' };
}

export interface CallLog {
  readonly view: string;
  readonly predicates: readonly PushedPredicate[];
  readonly columns: readonly string[];
  readonly limit: number | undefined;
  pages: number;
  rows: number;
  closedEarly: boolean;
}

function cmp(a: SqlValue, b: SqlValue): number {
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function likeRe(pattern: string): RegExp {
  const source = Array.from(pattern).map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 'isu');
}

export function matches(row: Row, p: PushedPredicate): boolean {
  const v = row[p.column] ?? null;
  switch (p.op) {
    case 'is null': return v === null;
    case 'is not null': return v !== null;
    case 'in': return v !== null && (p.value as readonly SqlValue[]).some((x) => x !== null && cmp(v, x) === 0);
    case 'like': return v !== null && likeRe(String(p.value)).test(String(v));
    default: {
      if (v === null || p.value === null || p.value === undefined) return false;
      const c = cmp(v, p.value as SqlValue);
      return { '=': c === 0, '<>': c !== 0, '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[p.op];
    }
  }
}

export function memoryView(table: MemoryTable, log: CallLog[] = [], pageSize = 25): ViewDefinition<unknown> {
  return defineView<unknown>({
    name: table.name,
    aliases: table.aliases ?? [],
    description: `In-memory ${table.name} (tests).`,
    columns: table.columns.map((c) => ({ ...c, description: `${c.name} (${c.type})` })),
    keyColumns: table.keyColumns ?? [],
    ...(table.orderedBy ? { orderedBy: table.orderedBy } : {}),
    examples: [{ description: 'all rows', sql: `SELECT * FROM ${table.name}` }],
    async *list(ctx: FetchContext<unknown>) {
      const entry: CallLog = {
        view: table.name, predicates: ctx.predicates, columns: [...ctx.columns], limit: ctx.limit, pages: 0, rows: 0, closedEarly: true,
      };
      log.push(entry);
      let page: Row[] = [];
      const wanted = [...ctx.columns];
      // input-only (pseudo) columns steer the call; they are not row filters, and the engine echoes them
      const pseudo = new Set(table.columns.filter((c) => c.pseudo).map((c) => c.name.toLowerCase()));
      const filters = ctx.predicates.filter((p) => !pseudo.has(p.column.toLowerCase()));
      for (const row of table.rows) {
        if (ctx.limit !== undefined && entry.rows >= ctx.limit) break;
        if (!filters.every((p) => matches(row, p))) continue;
        const projected: Record<string, SqlValue> = {};
        for (const c of wanted) projected[c] = row[c] ?? null;
        page.push(projected);
        entry.rows++;
        if (page.length === pageSize) {
          entry.pages++;
          yield page;
          page = [];
        }
      }
      if (page.length > 0) {
        entry.pages++;
        yield page;
      }
      entry.closedEarly = false;
    },
    describe: (ctx) => [
      `GET /memory/${table.name}?${ctx.predicates.map((p) => `${p.column} ${p.op} ${JSON.stringify(p.value ?? null)}`).join('&')}${ctx.limit === undefined ? '' : `&limit=${ctx.limit}`}`,
    ],
  });
}
