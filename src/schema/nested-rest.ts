/**
 * The rest of edges that came nested in a page of parents (`comments.limit(50){...}` in a media
 * page): the parents whose nested page was not the last are continued together, one batch request
 * (≤ 50 operations) per round instead of one GET per parent. A parent that vanished meanwhile is
 * skipped with a warning; any other error fails the query. With grouping off, one GET per parent.
 * MediaChildren continues an album's children with nestedEdges; a full Comments or Replies scan
 * streams its answers (nested-stream.ts, over continueAll); under a LIMIT they read parent by
 * parent with rowsLazily.
 */
import { GraphApiError } from '../errors.js';
import { chunk, ordered } from './fetch-helpers.js';
import { toRow, type GraphColumn } from './graph-columns.js';
import { BATCH_MAX, isMissingObject, queryString } from './scan.js';
import type { Row, SqlValue } from './types.js';
import type { GraphNode, GraphPage, ViewContext } from './view-api.js';

/** A parent of nested items, and the values its items' rows take from it (MediaId, CommentId, AccountId). */
export interface RowParent {
  readonly node: GraphNode;
  readonly extra: Readonly<Record<string, SqlValue>>;
}

export interface Pending {
  readonly parent: string;
  /** Undefined: the first page (grouping off: the parents were read without the nested edge). */
  readonly after: string | undefined;
}

/** Nested page of `edge` in `parent`: its items and the cursor to continue from (if any). */
export function nestedPage(parent: GraphNode, edge: string): { items: readonly GraphNode[]; after: string | undefined } {
  const nested = parent[edge] as GraphPage | undefined;
  const after = nested?.paging?.next !== undefined ? nested.paging.cursors?.after : undefined;
  return { items: nested?.data ?? [], after };
}

/**
 * Every item of `edge` for each parent (parent id → items, in edge order): the nested page, then
 * the following pages, all parents of a round in one batch.
 */
export async function nestedEdges(
  ctx: ViewContext,
  parents: readonly GraphNode[],
  edge: string,
  fields: string,
  limit: number,
): Promise<Map<string, GraphNode[]>> {
  const items = new Map<string, GraphNode[]>();
  let pending: Pending[] = [];
  for (const parent of parents) {
    const id = String(parent['id']);
    const page = nestedPage(parent, edge);
    items.set(id, [...page.items]);
    if (page.after !== undefined || (!ctx.api.grouping && parent[edge] === undefined)) pending.push({ parent: id, after: page.after });
  }
  while (pending.length > 0) {
    const answers = await continueAll(ctx, pending, edge, fields, limit);
    const next: Pending[] = [];
    answers.forEach((answer, i) => {
      const { parent } = pending[i]!;
      const page = continuedPage(ctx, parent, edge, answer);
      if (page === undefined) return;
      items.get(parent)!.push(...page.items);
      if (page.after !== undefined) next.push({ parent, after: page.after });
    });
    pending = next;
  }
  return items;
}

/**
 * A continuation's answer for `parent`: its items and the cursor to go on from (none after the
 * last page, or an empty one); undefined, with a warning, when the parent vanished meanwhile. Any
 * other Graph error is thrown.
 */
export function continuedPage(ctx: ViewContext, parent: string, edge: string, answer: GraphNode | GraphApiError): { items: readonly GraphNode[]; after: string | undefined } | undefined {
  if (answer instanceof GraphApiError) {
    if (!isMissingObject(answer)) throw answer;
    ctx.api.warn(`skipped the rest of ${parent}/${edge}: ${answer.message}`);
    return undefined;
  }
  const page = answer as unknown as GraphPage;
  const items = page.data ?? [];
  return { items, after: page.paging?.next !== undefined && items.length > 0 ? page.paging.cursors?.after : undefined };
}

/** One request's worth of continuations: a batch (grouping on, ≤ 50 cursors) or one GET each; an item's Graph error is its answer. */
export async function continueAll(ctx: ViewContext, pending: readonly Pending[], edge: string, fields: string, limit: number): Promise<(GraphNode | GraphApiError)[]> {
  const signal = ctx.signal;
  if (!ctx.api.grouping) {
    const out: (GraphNode | GraphApiError)[] = [];
    for await (const answer of ordered(pending, ctx.api.concurrency, async (p) => {
      try {
        return await ctx.api.graph.get(`/${p.parent}/${edge}`, { fields, limit, after: p.after }, { signal });
      } catch (error) {
        if (error instanceof GraphApiError) return error;
        throw error;
      }
    })) out.push(answer);
    return out;
  }
  const out: (GraphNode | GraphApiError)[] = [];
  for await (const answers of ordered(chunk(pending, BATCH_MAX), ctx.api.concurrency, (group) =>
    ctx.api.graph.batch(group.map((p) => ({ method: 'GET' as const, relativeUrl: `${p.parent}/${edge}?${queryString({ fields, limit, after: p.after })}` })), { signal }),
  )) out.push(...answers);
  return out;
}

/**
 * Under a LIMIT: one parent's items, the nested page first, then its next pages one GET at a time
 * and only as far as the consumer reads (a batch round for the whole page would fetch what the
 * LIMIT never uses). A parent that vanished meanwhile is skipped with a warning.
 */
export async function* nestedEdgeLazily(ctx: ViewContext, parent: GraphNode, edge: string, fields: string, limit: number): AsyncGenerator<readonly GraphNode[]> {
  const page = nestedPage(parent, edge);
  if (page.items.length > 0) yield page.items;
  const unread = !ctx.api.grouping && parent[edge] === undefined; // grouping off: the parent came without the edge
  if (page.after === undefined && !unread) return;
  const id = String(parent['id']);
  try {
    for await (const next of ctx.api.graph.paginate(`/${id}/${edge}`, { fields, limit, after: page.after }, { signal: ctx.signal })) {
      if (next.data.length > 0) yield next.data;
    }
  } catch (error) {
    if (!isMissingObject(error)) throw error;
    ctx.api.warn(`skipped the rest of ${id}/${edge}: ${(error as Error).message}`);
  }
}

/** Under a LIMIT: parent by parent, the rows of its items, its edge continued only as far as read (nestedEdgeLazily). */
export async function* rowsLazily(ctx: ViewContext, parents: readonly RowParent[], edge: string, fields: string, limit: number, active: readonly GraphColumn[]): AsyncGenerator<Row[]> {
  for (const { node, extra } of parents) {
    for await (const items of nestedEdgeLazily(ctx, node, edge, fields, limit)) yield items.map((item) => toRow(active, item, extra));
  }
}
