/**
 * Which counters a request counts against, decided before it is routed: the app (user and app
 * tokens), the user (user tokens), the Page (Page tokens) and every managed Instagram account the
 * request reads or writes (any token). An `ids=` read counts one call per id. Ids are decoded,
 * not looked up, so counting never generates data.
 */
import type { RequestContext, SandboxApp } from '../context.js';
import { unpackComment } from '../data/ids.js';
import type { IgAccountRecord } from '../data/world.js';

export interface CallScope {
  readonly tokenType: string;
  /** Counts against the app budget (USER and APP tokens). */
  readonly app: boolean;
  /** USER tokens: the user whose budget is used. */
  readonly userId: string | undefined;
  /** PAGE tokens: the Page whose budget is used. */
  readonly pageId: string | undefined;
  /** Managed IG accounts the request touches (business use case counters). */
  readonly accounts: readonly IgAccountRecord[];
  /** Calls this request counts for: the number of `ids=` entries, else 1 (0 for a batch envelope). */
  readonly calls: number;
}

/** The managed IG account an object id belongs to (the account itself, its media, stories, children, comments). */
export function accountOfId(app: SandboxApp, id: string): IgAccountRecord | undefined {
  const world = app.data.world;
  let index: number | undefined;
  const created = app.data.overlay.get(id);
  if (created !== undefined) {
    const record = created.record as { accountIndex?: unknown };
    index = typeof record.accountIndex === 'number' ? record.accountIndex : undefined;
  } else {
    const decoded = world.ids.decode(id);
    switch (decoded?.kind) {
      case 'igUser': index = decoded.payload; break;
      case 'media': index = Math.floor(decoded.payload / 100_000_000); break;
      case 'child': index = Math.floor(decoded.payload / 1_000_000_000); break;
      case 'story': index = Math.floor(decoded.payload / 1_000_000); break;
      case 'comment': index = unpackComment(decoded.payload).account; break;
      default: index = undefined;
    }
  }
  const account = index === undefined ? undefined : world.igAccounts[index];
  return account?.managed ? account : undefined;
}

/** The ids a request names: the `ids=` entries of a multi-id read, else the first path segment. */
function targetIds(ctx: RequestContext): string[] {
  const ids = ctx.params['ids'];
  if (ids !== undefined && ctx.segments.length <= 1) {
    return [...new Set(ids.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
  }
  const first = ctx.segments[0];
  return first === undefined ? [] : [first];
}

/** The scope of a request with a valid token; undefined when the token is missing or unusable (nothing is counted). */
export function callScope(ctx: RequestContext, options: { calls?: number } = {}): CallScope | undefined {
  const { tokens } = ctx.app;
  if (ctx.token === undefined || tokens.problem(ctx.token) !== undefined) return undefined;
  const record = tokens.lookup(ctx.token)!;
  const ids = targetIds(ctx);
  const accounts = new Map<string, IgAccountRecord>();
  if (options.calls !== 0) {
    for (const id of ids) {
      const account = accountOfId(ctx.app, id);
      if (account !== undefined) accounts.set(account.id, account);
    }
  }
  return {
    tokenType: record.type,
    app: record.type === 'USER' || record.type === 'APP',
    userId: record.type === 'USER' ? record.userId : undefined,
    pageId: record.type === 'PAGE' ? record.pageId : undefined,
    accounts: [...accounts.values()],
    calls: options.calls ?? Math.max(1, ctx.params['ids'] !== undefined && ctx.segments.length <= 1 ? ids.length : 1),
  };
}
