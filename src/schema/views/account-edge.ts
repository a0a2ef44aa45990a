/**
 * The fetcher shared by views that are one edge of each IG account (`/{ig-user-id}/stories`,
 * `/tags`, ...): per account in scope, page through the edge and map nodes to rows.
 */
import { graphFields, selectColumns, toRow, type GraphColumn } from '../graph-columns.js';
import { concatAhead } from '../fetch-helpers.js';
import { accountsInScope } from '../pushed.js';
import { edgeRows, pageLimit } from '../scan.js';
import type { Row } from '../types.js';
import type { ViewContext } from '../view-api.js';

export interface AccountEdge {
  readonly edge: string;
  readonly columns: readonly GraphColumn[];
  /** The edge's largest page. */
  readonly max: number;
  /** The edge gives cursors but no `next` URL. */
  readonly cursorOnly?: boolean;
}

export function accountEdgeList(spec: AccountEdge): (ctx: ViewContext) => AsyncGenerator<Row[]> {
  return async function* list(ctx) {
    const active = selectColumns(spec.columns, ctx.columns);
    const params = { fields: graphFields(spec.columns, ctx.columns).join(','), limit: pageLimit(ctx, spec.max) };
    const accounts = await accountsInScope(ctx);
    const opens = accounts.map((account) => () => edgeRows(ctx, `/${account.id}/${spec.edge}`, params, (node) => toRow(active, node, { AccountId: account.id }), spec.cursorOnly));
    // an agency's accounts: the first pages of the next ones load while one is read (not under a LIMIT)
    yield* concatAhead(opens, ctx.limit === undefined ? ctx.api.concurrency - 1 : 0);
  };
}

export function accountEdgeDescribe(spec: AccountEdge): (ctx: ViewContext) => readonly string[] {
  return (ctx) => [
    `GET /{ig-user-id}/${spec.edge}?fields=${graphFields(spec.columns, ctx.columns).join(',')}&limit=${pageLimit(ctx, spec.max)} (per account, following paging)`,
  ];
}
