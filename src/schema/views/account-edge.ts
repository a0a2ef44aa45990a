/**
 * The fetcher shared by views that are one edge of each IG account (`/{ig-user-id}/stories`,
 * `/tags`, ...): per account in scope, page through the edge and map nodes to rows.
 */
import { graphFields, selectColumns, toRow, type GraphColumn } from '../graph-columns.js';
import { acrossAccounts } from '../pushed.js';
import { edgeRows, pageLimit } from '../scan.js';
import type { Row } from '../types.js';
import type { AccountRef, ViewContext } from '../view-api.js';

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
    // an agency's accounts: light pages, so the first pages of several next ones load meanwhile
    const read = (account: AccountRef) => edgeRows(ctx, `/${account.id}/${spec.edge}`, params, (node) => toRow(active, node, { AccountId: account.id }), spec.cursorOnly);
    yield* acrossAccounts(ctx, read, ctx.api.concurrency - 1);
  };
}

export function accountEdgeDescribe(spec: AccountEdge): (ctx: ViewContext) => readonly string[] {
  return (ctx) => [
    `GET /{ig-user-id}/${spec.edge}?fields=${graphFields(spec.columns, ctx.columns).join(',')}&limit=${pageLimit(ctx, spec.max)} (per account, following paging)`,
  ];
}
