/**
 * The two ways views read the Graph: walking an edge page by page, and reading objects by id
 * (grouped `?ids=` reads, with a per-item fallback when one id spoils a grouped call).
 */
import { GraphApiError } from '../errors.js';
import type { Row } from './types.js';
import { chunk, ordered } from './fetch-helpers.js';
import type { GraphNode, GraphPage, GraphParams, ViewContext } from './view-api.js';

/**
 * The nodes of an edge, a page at a time (empty pages skipped). When the parent object does not
 * exist (a WHERE clause named an account or media that is not there), its first page fails with
 * "object does not exist" and the edge has no rows; any later failure is an error.
 * Paging is sequential (each page's cursor comes with the previous page); with `readAhead` (the
 * default) the next page is requested while the consumer works on this one. Never under a pushed
 * LIMIT: the query may stop after this page. A page in flight while the token expires fails with
 * 190 and is retried after the one renewal (src/auth/renewal-gate.ts; refresh-mid-query tests).
 */
export async function* edgeNodes(ctx: ViewContext, path: string, params: GraphParams, cursorOnly = false, readAhead = true): AsyncGenerator<readonly GraphNode[]> {
  const pages = ctx.api.graph.paginate(path, params, { signal: ctx.signal, cursorOnly })[Symbol.asyncIterator]();
  readAhead &&= ctx.limit === undefined;
  let next = pages.next();
  let finished = false;
  let first = true;
  try {
    for (;;) {
      let current: IteratorResult<GraphPage>;
      try {
        current = await next;
      } catch (error) {
        finished = true;
        if (!first || !isMissingObject(error)) throw error;
        ctx.api.warn(`no rows from ${path}: ${(error as Error).message}`);
        return;
      }
      first = false;
      if (current.done) {
        finished = true;
        return;
      }
      if (readAhead) {
        next = pages.next();
        next.catch(() => undefined); // awaited on the next turn; no unhandled rejection meanwhile
      }
      if (current.value.data.length > 0) yield current.value.data;
      if (!readAhead) next = pages.next();
    }
  } finally {
    if (!finished) await pages.return?.(undefined);
  }
}

/** Rows of an edge, a page at a time; `map` may drop a node by returning undefined. */
export async function* edgeRows(
  ctx: ViewContext,
  path: string,
  params: GraphParams,
  map: (node: GraphNode) => Row | undefined,
  cursorOnly = false,
): AsyncGenerator<Row[]> {
  for await (const nodes of edgeNodes(ctx, path, params, cursorOnly)) {
    const rows: Row[] = [];
    for (const node of nodes) {
      const row = map(node);
      if (row !== undefined) rows.push(row);
    }
    if (rows.length > 0) yield rows;
  }
}

/** The page size to ask for: the query's LIMIT when smaller than Pagesize, capped by the edge. */
export function pageLimit(ctx: ViewContext, edgeMax: number): number {
  const wanted = Math.min(ctx.api.pageSize, edgeMax);
  return ctx.limit !== undefined && ctx.limit > 0 ? Math.min(ctx.limit, wanted) : wanted;
}

/**
 * Graph's "this object does not exist / you cannot see it": 100 with subcode 33, 803 (an alias
 * that does not exist), or a 100 without subcode that says so. Any other 100 (an invalid
 * parameter, an unknown field, a metric the API rejects) is a real error: treating it as a missing
 * object would silently drop rows.
 */
export function isMissingObject(error: unknown): boolean {
  if (!(error instanceof GraphApiError)) return false;
  if (error.graphCode === 803) return true;
  if (error.graphCode !== 100) return false;
  if (error.subcode === 33) return true;
  return error.subcode === undefined && /does not exist/i.test(error.message) && !/field|param/i.test(error.message);
}

/**
 * Reading an id with a view's fields failed because the object is another kind of object (a media
 * id given to Comments: `Tried accessing nonexisting field (media) on node type (ShadowIGMedia)`).
 * Only used for reads by id, where the same fields work for the view's own objects.
 */
export function isOtherKindOfObject(error: unknown): boolean {
  return error instanceof GraphApiError && error.graphCode === 100 && error.subcode === undefined && /nonexisting field \(.*\) on node type/i.test(error.message);
}

function isNotThere(error: unknown): boolean {
  return isMissingObject(error) || isOtherKindOfObject(error);
}

/**
 * Objects by id, in the order of `ids`, skipping ids that do not exist. Grouped into `?ids=` reads
 * of 50; several reads travel in one batch request; when a grouped read fails because of one bad
 * id, that group is read again item by item, so one deleted media never fails the whole query.
 * With grouping off (benchmarks only), one GET per id.
 */
export async function* nodesByIds(ctx: ViewContext, ids: readonly string[], params: GraphParams): AsyncGenerator<GraphNode[]> {
  const { graph } = ctx.api;
  const signal = ctx.signal;
  if (!ctx.api.grouping) {
    yield* ordered(ids, ctx.api.concurrency, async (id) => {
      try {
        return [await graph.get(`/${id}`, params, { signal })];
      } catch (error) {
        if (!isNotThere(error)) throw error;
        ctx.api.warn(`skipped ${id}: ${(error as Error).message}`);
        return [];
      }
    });
    return;
  }
  const groups = chunk(ids, IDS_MAX);
  yield* ordered(chunk(groups, BATCH_MAX), ctx.api.concurrency, async (batch) => {
    const answers = await multiRead(ctx, batch.map((group) => ({ ids: group, params })));
    const nodes: GraphNode[] = [];
    for (let i = 0; i < batch.length; i++) {
      const group = batch[i]!;
      const answer = answers[i]!;
      if (answer instanceof GraphApiError) {
        if (!isNotThere(answer)) throw answer;
        nodes.push(...(group.length === 1 ? [] : await itemByItem(ctx, group, params)));
      } else {
        for (const id of group) if (answer[id] !== undefined) nodes.push(answer[id]!);
      }
    }
    return nodes;
  });
}

/** `?ids=` reads allow 50 ids; a batch request carries 50 operations. */
export const IDS_MAX = 50;
export const BATCH_MAX = 50;

/**
 * Several `?ids=` reads (each with its own parameters): one plain request when there is one read,
 * else one batch request. Each answer is the id-keyed object, or the GraphApiError of that read.
 */
export async function multiRead(
  ctx: ViewContext,
  reads: readonly { readonly ids: readonly string[]; readonly params: GraphParams }[],
): Promise<(Readonly<Record<string, GraphNode>> | GraphApiError)[]> {
  if (reads.length === 1) {
    try {
      return [await ctx.api.graph.ids(reads[0]!.ids, reads[0]!.params, { signal: ctx.signal })];
    } catch (error) {
      if (error instanceof GraphApiError) return [error];
      throw error;
    }
  }
  const answers = await ctx.api.graph.batch(
    reads.map((read) => {
      const suffix = queryString(read.params);
      return { method: 'GET' as const, relativeUrl: `?ids=${read.ids.join(',')}${suffix ? `&${suffix}` : ''}` };
    }),
    { signal: ctx.signal },
  );
  return answers.map((answer) => (answer instanceof GraphApiError ? answer : (answer as Readonly<Record<string, GraphNode>>)));
}

export function queryString(params: GraphParams): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
  return query.toString();
}

async function itemByItem(ctx: ViewContext, ids: readonly string[], params: GraphParams): Promise<GraphNode[]> {
  const suffix = queryString(params);
  const answers = await ctx.api.graph.batch(
    ids.map((id) => ({ method: 'GET' as const, relativeUrl: suffix ? `${id}?${suffix}` : id })),
    { signal: ctx.signal },
  );
  const nodes: GraphNode[] = [];
  answers.forEach((answer, i) => {
    if (answer instanceof GraphApiError) {
      if (!isNotThere(answer)) throw answer;
      ctx.api.warn(`skipped ${ids[i]}: ${answer.message}`);
    } else {
      nodes.push(answer);
    }
  });
  return nodes;
}

/** `edge.limit(n){fields}` for a nested request. */
export function nestedField(edge: string, limit: number, fields: readonly string[]): string {
  return `${edge}.limit(${limit}){${fields.join(',')}}`;
}
