/**
 * The catalog: every view (data views and system tables) and stored procedure, resolved by name or
 * alias case-insensitively. Every definition is validated when the catalog is built, and all the
 * problems are reported together (after Steampipe's table validation).
 */
import { closest, IgsqlError } from '../errors.js';
import type { ProcedureDefinition } from '../procedures/define-procedure.js';
import { validateView, type ViewDefinition } from './define-view.js';
import { createSystemViews } from './system/index.js';
import { COLUMN_TYPES } from './types.js';

export { CATALOG_NAME, SCHEMA_NAME } from './system/system-view.js';

export interface CatalogOptions<Api = unknown> {
  readonly views: readonly ViewDefinition<Api>[];
  readonly procedures?: readonly ProcedureDefinition<Api>[];
  /**
   * More system tables, built from the finished catalog (e.g. `sys_connection_props` from the
   * connection-property catalog). Their names should start with `sys_`.
   */
  readonly systemViews?: readonly ((catalog: Catalog<Api>) => ViewDefinition<Api>)[];
  /**
   * Which data views the metadata (sys_tables, sys_tablecolumns, sys_keycolumns) reports: the
   * `Tables` / `Views` connection properties. Every view stays queryable. Default: all.
   */
  readonly reported?: (view: ViewDefinition<Api>) => boolean;
}

export class Catalog<Api = unknown> {
  /** The data views, in declaration order. */
  readonly views: readonly ViewDefinition<Api>[];
  /** The data views the metadata reports (see CatalogOptions.reported). */
  readonly reportedViews: readonly ViewDefinition<Api>[];
  /** sys_tables, sys_tablecolumns, ... */
  readonly systemViews: readonly ViewDefinition<Api>[];
  readonly procedures: readonly ProcedureDefinition<Api>[];
  readonly #views = new Map<string, ViewDefinition<Api>>();
  readonly #procedures = new Map<string, ProcedureDefinition<Api>>();

  constructor(options: CatalogOptions<Api>) {
    this.views = [...options.views];
    this.reportedViews = options.reported ? this.views.filter(options.reported) : this.views;
    this.procedures = [...(options.procedures ?? [])];
    const system = createSystemViews(this as Catalog<unknown>) as ViewDefinition<Api>[];
    for (const make of options.systemViews ?? []) system.push(make(this));
    this.systemViews = system;
    const problems: string[] = [];
    for (const view of [...this.views, ...this.systemViews]) {
      for (const p of validateView(view as ViewDefinition<unknown>)) problems.push(`view ${view.name || '(unnamed)'}: ${p}`);
      for (const name of [view.name, ...view.aliases]) {
        const other = this.#views.get(name.toLowerCase());
        if (other) problems.push(`name ${name} is used by both ${other.name} and ${view.name}`);
        else this.#views.set(name.toLowerCase(), view);
      }
    }
    for (const proc of this.procedures) {
      problems.push(...validateProcedure(proc as ProcedureDefinition<unknown>).map((p) => `procedure ${proc.name || '(unnamed)'}: ${p}`));
      for (const name of [proc.name, ...(proc.aliases ?? [])]) {
        const other = this.#procedures.get(name.toLowerCase());
        if (other) problems.push(`procedure name ${name} is used by both ${other.name} and ${proc.name}`);
        else this.#procedures.set(name.toLowerCase(), proc);
      }
    }
    problems.push(...this.#checkReferences());
    if (problems.length > 0) {
      throw new IgsqlError('internal', `the catalog is invalid:\n - ${problems.join('\n - ')}`, { details: { problems } });
    }
  }

  #checkReferences(): string[] {
    const problems: string[] = [];
    for (const view of this.views) {
      for (const column of view.columns) {
        if (!column.references) continue;
        const target = this.findView(column.references.view);
        if (!target) problems.push(`view ${view.name}: column ${column.name} references unknown view ${column.references.view}`);
        else if (!target.columns.some((c) => c.name.toLowerCase() === column.references!.column.toLowerCase())) {
          problems.push(`view ${view.name}: column ${column.name} references unknown column ${target.name}.${column.references.column}`);
        }
      }
    }
    return problems;
  }

  /** The view (data or system) with this name or alias, or undefined. */
  findView(name: string): ViewDefinition<Api> | undefined {
    return this.#views.get(name.toLowerCase());
  }

  /** The view with this name or alias; a `sql-plan` error with a did-you-mean otherwise. */
  view(name: string): ViewDefinition<Api> {
    const view = this.findView(name);
    if (view) return view;
    const names = [...this.views, ...this.systemViews].flatMap((v) => [v.name, ...v.aliases]);
    const suggestion = closest(name, names);
    const hint = suggestion === undefined ? '' : ` Did you mean ${this.findView(suggestion)!.name}?`;
    throw new IgsqlError('sql-plan', `Unknown view ${name}.${hint} SELECT TableName FROM sys_tables lists the views.`, {
      details: { view: name, ...(suggestion === undefined ? {} : { suggestion }) },
    });
  }

  findProcedure(name: string): ProcedureDefinition<Api> | undefined {
    return this.#procedures.get(name.toLowerCase());
  }

  procedure(name: string): ProcedureDefinition<Api> {
    const proc = this.findProcedure(name);
    if (proc) return proc;
    const names = this.procedures.flatMap((p) => [p.name, ...(p.aliases ?? [])]);
    const suggestion = closest(name, names);
    const hint = suggestion === undefined ? '' : ` Did you mean ${this.findProcedure(suggestion)!.name}?`;
    throw new IgsqlError('sql-plan', `Unknown stored procedure ${name}.${hint} SELECT ProcedureName FROM sys_procedures lists them.`, {
      details: { procedure: name },
    });
  }
}

function validateProcedure(proc: ProcedureDefinition<unknown>): string[] {
  const problems: string[] = [];
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(proc.name)) problems.push(`name "${proc.name}" is not an identifier`);
  if (proc.description.trim() === '') problems.push('description is empty');
  const seen = new Set<string>();
  for (const p of proc.parameters) {
    if (seen.has(p.name.toLowerCase())) problems.push(`parameter ${p.name} is declared twice`);
    seen.add(p.name.toLowerCase());
    if (!COLUMN_TYPES.includes(p.type)) problems.push(`parameter ${p.name} has unknown type ${String(p.type)}`);
    if (p.description.trim() === '') problems.push(`parameter ${p.name} has no description`);
    if (p.values && p.default !== undefined && p.default !== null && !p.values.some((v) => v.toLowerCase() === String(p.default).toLowerCase())) {
      problems.push(`parameter ${p.name}: default ${String(p.default)} is not one of its values`);
    }
  }
  if (proc.resultColumns.length === 0) problems.push('it has no result columns');
  for (const c of proc.resultColumns) if (!COLUMN_TYPES.includes(c.type)) problems.push(`result column ${c.name} has unknown type ${String(c.type)}`);
  return problems;
}
