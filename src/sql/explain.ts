/**
 * EXPLAIN: the plan as rows (Step, Depth, Operator, Detail), top operator first: what each
 * operator does, the predicates pushed to each view, the residual filters, the limits, and the
 * Graph requests each view says it will make (`view.describe`).
 */
import type { FetchContext, PushedPredicate } from '../schema/define-view.js';
import type { Row, SqlValue } from '../schema/types.js';
import { printBound } from './bound-print.js';
import type { Subquery } from './bound.js';
import { compile } from './evaluate.js';
import { layoutOf, type CompileEnv } from './evaluate-types.js';
import { countValue } from './operators/basic.js';
import { coerceTo } from './operators/push-values.js';
import { correlatedTemplate, scanNodesOf } from './operators/correlated-prefetch.js';
import type { ApplyNode, PlanNode, PlannedQuery, PushTemplate, ScanNode } from './plan-types.js';
import { LOOKUP_BATCH_MAX } from './operators/lookup-join.js';

export const EXPLAIN_COLUMNS = [
  { name: 'Step', type: 'Integer' },
  { name: 'Depth', type: 'Integer' },
  { name: 'Operator', type: 'String' },
  { name: 'Detail', type: 'String' },
] as const;

interface ExplainEnv {
  readonly compile: CompileEnv;
  readonly api: unknown;
  readonly signal: AbortSignal;
  readonly maxRows: number;
}

function show(v: SqlValue): string {
  if (v instanceof Date) return v.toISOString();
  return typeof v === 'string' ? `'${v}'` : JSON.stringify(v);
}

function predicates(templates: readonly PushTemplate[], env: ExplainEnv): PushedPredicate[] {
  const none = layoutOf([], []);
  return templates.map((t) => {
    if (t.value.kind === 'none') return { column: t.column, op: t.op };
    if (t.value.kind === 'subquery') return { column: t.column, op: t.op, value: [`<values of subquery #${t.value.subquery.id}>`] };
    const exprs = t.value.kind === 'expr' ? [t.value.expr] : t.value.exprs;
    const values = exprs.map((e) => {
      if (e.kind === 'Column' && env.compile.outer(e.key)) return `<${e.name}>`; // a correlated subquery's outer value
      const v = compile(e, none, env.compile).fn([]);
      try {
        return v === null ? null : coerceTo(v, t.type, t.text);
      } catch {
        return v;
      }
    });
    return { column: t.column, op: t.op, value: t.op === 'in' ? values : values[0]! };
  });
}

function scanRows(scan: ScanNode, extra: readonly PushedPredicate[], limit: number | undefined, env: ExplainEnv, add: (op: string, detail: string, depth: number) => void, depth: number): void {
  const preds = [...predicates(scan.pushed, env), ...extra];
  const shown = preds.map((p) => `${p.column} ${p.op.toUpperCase()}${p.value === undefined ? '' : ` ${Array.isArray(p.value) ? `(${p.value.map(show).join(', ')})` : show(p.value as SqlValue)}`}`);
  const name = scan.alias === scan.view.name ? scan.view.name : `${scan.view.name} AS ${scan.alias}`;
  add(`Scan ${name}`, `columns: ${scan.columns.map((c) => c.name).join(', ') || '(none)'}; pushed: ${shown.join(' AND ') || '(none)'}; limit: ${limit ?? 'none'}`, depth);
  const ctx: FetchContext<unknown> = { columns: new Set(scan.columns.map((c) => c.name)), predicates: preds, limit, signal: env.signal, api: env.api };
  for (const line of scan.view.describe?.(ctx) ?? ['(the view does not describe its requests)']) add('Graph request', line, depth + 1);
}

export function explainRows(planned: PlannedQuery, subqueries: readonly Subquery[], env: ExplainEnv): Row[] {
  const rows: Row[] = [];
  const add = (op: string, detail: string, depth: number): void => {
    rows.push({ Step: rows.length + 1, Depth: depth, Operator: `${'  '.repeat(depth)}${op}`, Detail: detail });
  };
  const scanLimits = new Map<ScanNode, number>();
  const visit = (node: PlanNode, depth: number): void => {
    switch (node.kind) {
      case 'Scan':
        scanRows(node, [], scanLimits.get(node), env, add, depth);
        return;
      case 'Values':
        add('Values', 'one row, no columns (SELECT without FROM)', depth);
        return;
      case 'Filter':
        add('Filter', printBound(node.predicate), depth);
        visit(node.input, depth + 1);
        return;
      case 'Project':
        add('Project', node.names.join(', '), depth);
        visit(node.input, depth + 1);
        return;
      case 'Join': {
        const on = node.leftKeys.map((k, i) => `${printBound(k)} = ${printBound(node.rightKeys[i]!)}`);
        const how = node.leftKeys.length > 0 ? `hash ${node.type} join on ${on.join(' AND ')}` : `nested-loop ${node.type} join`;
        add('Join', `${how}${node.condition ? `; condition: ${printBound(node.condition)}` : ''}`, depth);
        visit(node.left, depth + 1);
        visit(node.right, depth + 1);
        return;
      }
      case 'LookupJoin': {
        add('LookupJoin', `${node.type} join: for each batch of distinct ${printBound(node.leftKey)} (${node.batchSize} first, then ×5 up to ${LOOKUP_BATCH_MAX}), scan ${node.right.view.name} with ${node.rightColumn} IN (batch)${node.condition ? `; condition: ${printBound(node.condition)}` : ''}`, depth);
        visit(node.left, depth + 1);
        const batch: PushedPredicate = { column: node.rightColumn, op: 'in', value: [`<batch of ${printBound(node.leftKey)}>`] };
        scanRows(node.right, [batch], undefined, env, add, depth + 1);
        return;
      }
      case 'Aggregate':
        add('Aggregate', `group by: ${node.groups.map(printBound).join(', ') || '(all rows)'}; aggregates: ${node.aggregates.map((a) => a.text).join(', ') || '(none)'}`, depth);
        visit(node.input, depth + 1);
        return;
      case 'Distinct':
        add('Distinct', '', depth);
        visit(node.input, depth + 1);
        return;
      case 'Sort':
        add('Sort', node.keys.map((k) => `${k.text} ${k.desc ? 'DESC' : 'ASC'} NULLS ${k.nullsFirst ? 'FIRST' : 'LAST'}`).join(', '), depth);
        visit(node.input, depth + 1);
        return;
      case 'Limit': {
        let limit = countValue(node.limit, env.compile, 'LIMIT');
        const offset = countValue(node.offset, env.compile, 'OFFSET') ?? 0;
        if (node.maxRows && env.maxRows >= 0) limit = Math.min(limit ?? Infinity, env.maxRows);
        if (limit !== undefined && node.pushTo) scanLimits.set(node.pushTo, offset + limit);
        if (limit === undefined && offset === 0) {
          // the node only applies MaxRows, and MaxRows is off: nothing to show
          visit(node.input, depth);
          return;
        }
        const parts = [`limit ${limit ?? 'none'}`, `offset ${offset}`];
        if (node.maxRows && env.maxRows >= 0) parts.push(`MaxRows ${env.maxRows}`);
        if (node.pushTo && limit !== undefined) parts.push(`pushed to the scan of ${node.pushTo.alias}`);
        if (node.input.kind === 'Sort' && limit !== undefined) parts.push('top-N sort');
        add('Limit', parts.join('; '), depth);
        visit(node.input, depth + 1);
        return;
      }
      case 'Apply':
        add('Apply', `runs the correlated subquery #${node.subquery.id} (${node.subquery.mode === 'in' ? 'IN' : node.mode}) once per distinct ${node.subquery.outerKeys.length} outer value(s): ${node.subquery.text}`, depth);
        visit(node.input, depth + 1);
        add(`Subquery #${node.subquery.id}`, `correlated on ${node.subquery.outerKeys.length} column(s)${readAhead(node)}`, depth + 1);
        visit(node.subquery.plan, depth + 2);
        return;
      case 'Union':
        add(node.all ? 'Union all' : 'Union', '', depth);
        visit(node.left, depth + 1);
        visit(node.right, depth + 1);
        return;
    }
  };
  visit(planned.root, 0);
  for (const s of subqueries.filter((q) => q.outerKeys.length === 0)) {
    add(`Subquery #${s.id}`, `${s.mode}: ${s.text} (runs once, before the query)`, 0);
    visit(s.plan, 1);
  }
  return rows;
}

/** The scans of a correlated subquery that read a batch of outer values at once (correlated-prefetch.ts). */
function readAhead(node: ApplyNode): string {
  const [key] = node.subquery.outerKeys;
  if (node.subquery.outerKeys.length !== 1 || key === undefined || !node.input.layout.includes(node.sources[0]!)) return '';
  const scans = scanNodesOf(node.subquery.plan).flatMap((scan) => {
    const template = correlatedTemplate(scan, key);
    return template ? [`${scan.alias}.${template.column} IN (<batch of outer values>)`] : [];
  });
  return scans.length > 0 ? `; each batch of outer rows is read ahead with ${scans.join(', ')}` : '';
}
