/**
 * The ViewApi a connection hands to its views: the Graph client plus the account scope
 * (BusinessAccountId, or every IG account linked to a Page the token can see), resolved once.
 */
import { GraphApiError, IgsqlError } from '../errors.js';
import type { GraphClient } from '../http/graph-client.js';
import type { AccountRef, GraphNode, GraphRequester, ViewApi } from './view-api.js';

/** The Graph client as views see it. */
export function graphRequester(client: GraphClient, deadline?: () => number | undefined): GraphRequester {
  return {
    get: (path, params, options) => client.get<GraphNode>(path, params ?? {}, { signal: options?.signal, deadline: deadline?.() }),
    async *paginate(path, params, options) {
      const pages = client.paginate<GraphNode>(path, params ?? {}, { signal: options?.signal, deadline: deadline?.(), cursorOnly: options?.cursorOnly ?? false });
      for await (const page of pages) yield page.paging ? { data: page.data, paging: page.paging } : { data: page.data };
    },
    ids: (ids, params, options) => client.ids<GraphNode>(ids, params ?? {}, { signal: options?.signal, deadline: deadline?.() }),
    async batch(items, options) {
      const results = await client.batch(items.map((item) => ({ method: item.method, relativeUrl: item.relativeUrl, ...(item.body !== undefined ? { body: item.body } : {}) })), { signal: options?.signal, deadline: deadline?.() });
      return results.map((result) => {
        if (result.ok) return (result.body ?? {}) as GraphNode;
        if (result.error instanceof GraphApiError) return result.error;
        throw result.error instanceof IgsqlError ? result.error : new IgsqlError('internal', 'a batch item failed without an error');
      });
    },
  };
}

export interface GraphViewApiOptions {
  readonly graph: GraphRequester;
  /** `BusinessAccountId`: one id, or several separated by commas. Empty = discover. */
  readonly businessAccountId: string;
  readonly version: string;
  readonly pageSize: number;
  readonly concurrency: number;
  readonly grouping?: boolean;
  readonly warn?: (message: string, details?: Readonly<Record<string, unknown>>) => void;
  readonly now?: () => Date;
}

const PAGE_FIELDS = 'id,name,instagram_business_account{id,username}';

export function createGraphViewApi(options: GraphViewApiOptions): ViewApi {
  let accounts: Promise<readonly AccountRef[]> | undefined;
  const configured = options.businessAccountId.split(',').map((id) => id.trim()).filter((id) => id !== '');
  return {
    graph: options.graph,
    version: options.version,
    pageSize: options.pageSize,
    concurrency: options.concurrency,
    grouping: options.grouping ?? true,
    warn: options.warn ?? (() => undefined),
    now: options.now ?? (() => new Date()),
    accounts(signal) {
      if (configured.length > 0) return Promise.resolve(configured.map((id) => ({ id })));
      accounts ??= discover(options.graph, signal).catch((error: unknown) => {
        accounts = undefined; // a failed lookup is not cached: the next query tries again
        throw error;
      });
      return accounts;
    },
  };
}

/** IG accounts linked to the Pages of the token (or to the Page itself, for a Page token). */
async function discover(graph: GraphRequester, signal: AbortSignal | undefined): Promise<AccountRef[]> {
  const found: AccountRef[] = [];
  const add = (page: GraphNode) => {
    const ig = page['instagram_business_account'] as { id?: unknown; username?: unknown } | undefined;
    if (typeof ig?.id !== 'string') return;
    found.push({
      id: ig.id,
      ...(typeof ig.username === 'string' ? { username: ig.username } : {}),
      ...(typeof page['id'] === 'string' ? { pageId: page['id'] } : {}),
      ...(typeof page['name'] === 'string' ? { pageName: page['name'] } : {}),
    });
  };
  try {
    for await (const page of graph.paginate('/me/accounts', { fields: PAGE_FIELDS, limit: 100 }, { signal })) page.data.forEach(add);
  } catch (error) {
    // With a Page token, /me is the Page, which has no `accounts` edge.
    if (!(error instanceof GraphApiError) || error.graphCode !== 100 || found.length > 0) throw error;
    add(await graph.get('/me', { fields: PAGE_FIELDS }, { signal }));
  }
  const seen = new Set<string>();
  return found.filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
}
