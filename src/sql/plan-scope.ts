/**
 * Relations (views and derived tables in a FROM clause) and name resolution: aliases, `t.*`,
 * ambiguous columns, unknown columns with a did-you-mean, all case-insensitive.
 */
import { closest, IgsqlError, positionOf } from '../errors.js';
import type { ViewDefinition } from '../schema/define-view.js';
import type { Catalog } from '../schema/catalog.js';
import type { ColumnRef, Span } from './ast.js';
import type { Subquery } from './bound.js';
import type { PlannedQuery } from './plan-types.js';

export interface RelationColumn {
  readonly name: string;
  readonly key: string;
  readonly pseudo: boolean;
}

export interface Relation {
  readonly id: number;
  /** The name the query uses for it: its alias, or the view name. */
  readonly alias: string;
  readonly columns: readonly RelationColumn[];
  readonly view: ViewDefinition<unknown> | undefined;
  readonly derived: PlannedQuery | undefined;
  /** Indexes of the columns the query reads (projection pushdown). */
  readonly used: Set<number>;
}

export interface Scope {
  readonly relations: readonly Relation[];
  readonly parent: Scope | undefined;
}

/** State shared by the planning of one statement. */
export class PlanContext {
  readonly catalog: Catalog<unknown>;
  readonly sql: string;
  readonly subqueries: Subquery[] = [];
  #next = 0;

  constructor(catalog: Catalog<unknown>, sql: string) {
    this.catalog = catalog;
    this.sql = sql;
  }

  nextId(): number {
    return this.#next++;
  }

  /** A `sql-plan` error, located in the SQL text when a span is known. */
  error(message: string, span?: Span, details: Record<string, unknown> = {}): IgsqlError {
    if (span === undefined) return new IgsqlError('sql-plan', message, { details });
    const pos = positionOf(this.sql, span.start);
    return new IgsqlError('sql-plan', `${message} (line ${pos.line}, column ${pos.column})`, { details: { ...details, line: pos.line, column: pos.column } });
  }
}

export function viewRelation(ctx: PlanContext, view: ViewDefinition<unknown>, alias: string): Relation {
  const id = ctx.nextId();
  return {
    id, alias, view, derived: undefined, used: new Set(),
    columns: view.columns.map((c, i) => ({ name: c.name, key: `r${id}:${i}`, pseudo: c.pseudo === true })),
  };
}

export function derivedRelation(ctx: PlanContext, planned: PlannedQuery, alias: string): Relation {
  return {
    id: ctx.nextId(), alias, view: undefined, derived: planned, used: new Set(),
    columns: planned.output.map((o) => ({ name: o.name, key: o.key, pseudo: false })),
  };
}

export interface Resolved {
  readonly relation: Relation;
  readonly index: number;
  /** How many scopes up (0: this query; more: a correlated reference to an enclosing query). */
  readonly depth: number;
}

function describeRelations(relations: readonly Relation[]): string {
  return relations.map((r) => (r.view && r.view.name !== r.alias ? `${r.alias} (${r.view.name})` : r.alias)).join(', ');
}

function findRelation(scope: Scope, table: string): Relation | undefined {
  const lower = table.toLowerCase();
  return scope.relations.find((r) => r.alias.toLowerCase() === lower);
}

export function resolveColumn(ctx: PlanContext, scope: Scope, ref: ColumnRef): Resolved {
  const lower = ref.column.toLowerCase();
  let depth = 0;
  for (let s: Scope | undefined = scope; s; s = s.parent, depth++) {
    if (ref.table !== undefined) {
      const relation = findRelation(s, ref.table);
      if (!relation) continue;
      const index = relation.columns.findIndex((c) => c.name.toLowerCase() === lower);
      if (index === -1) throw unknownColumn(ctx, ref, [relation]);
      if (relation.columns.findIndex((c, i) => i > index && c.name.toLowerCase() === lower) !== -1) {
        throw ctx.error(`Column ${ref.table}.${ref.column} is ambiguous: ${relation.alias} has several columns named ${ref.column}; give them aliases in the subquery`, ref.span);
      }
      return { relation, index, depth };
    }
    const matches: { relation: Relation; index: number }[] = [];
    for (const relation of s.relations) {
      relation.columns.forEach((c, index) => {
        if (c.name.toLowerCase() === lower) matches.push({ relation, index });
      });
    }
    if (matches.length > 1) {
      const candidates = matches.map((m) => `${m.relation.alias}.${m.relation.columns[m.index]!.name}`);
      throw ctx.error(`Column ${ref.column} is ambiguous: it could be ${candidates.join(' or ')}; qualify it, e.g. ${candidates[0]}`, ref.span, {
        column: ref.column, candidates,
      });
    }
    if (matches.length === 1) return { ...matches[0]!, depth };
  }
  if (ref.table !== undefined) {
    const names = scope.relations.map((r) => r.alias);
    const hint = closest(ref.table, names);
    throw ctx.error(
      `Unknown table or alias ${ref.table} in ${ref.table}.${ref.column}.${hint ? ` Did you mean ${hint}?` : ''} The FROM clause has: ${describeRelations(scope.relations) || '(nothing)'}`,
      ref.span,
      { table: ref.table },
    );
  }
  throw unknownColumn(ctx, ref, scope.relations);
}

function unknownColumn(ctx: PlanContext, ref: ColumnRef, relations: readonly Relation[]): IgsqlError {
  const visible = relations.flatMap((r) => r.columns.map((c) => (relations.length > 1 ? `${r.alias}.${c.name}` : c.name)));
  const bare = relations.flatMap((r) => r.columns.map((c) => c.name));
  const suggestion = closest(ref.column, bare);
  const where = relations.length === 1 ? ` in ${relations[0]!.view?.name ?? relations[0]!.alias}` : relations.length === 0 ? ' (the query has no FROM clause)' : '';
  const list = visible.length > 40 ? `${visible.slice(0, 40).join(', ')}, …` : visible.join(', ');
  return ctx.error(
    `Unknown column ${ref.table ? `${ref.table}.` : ''}${ref.column}${where}.${suggestion ? ` Did you mean ${suggestion}?` : ''}${list ? ` Columns: ${list}` : ''}`,
    ref.span,
    { column: ref.column, ...(suggestion ? { suggestion } : {}) },
  );
}

/** The relations a `t.*` or `*` expands to. */
export function starRelations(ctx: PlanContext, scope: Scope, table: string | undefined): readonly Relation[] {
  if (table === undefined) {
    if (scope.relations.length === 0) throw ctx.error('SELECT * needs a FROM clause');
    return scope.relations;
  }
  const relation = findRelation(scope, table);
  if (!relation) {
    throw ctx.error(`Unknown table or alias ${table} in ${table}.*; the FROM clause has: ${describeRelations(scope.relations) || '(nothing)'}`);
  }
  return [relation];
}
