import { IgsqlError } from '../errors.js';
import { maskUrl } from '../logging/mask.js';
import type { CallOptions, Params } from './call-options.js';
import type { GraphClient } from './graph-client.js';

export interface Paging {
  cursors?: { before?: string; after?: string };
  next?: string;
  previous?: string;
}

export interface GraphPage<T> {
  data: T[];
  paging: Paging | undefined;
  /** The whole response body (summary, other top-level fields). */
  raw: Record<string, unknown>;
  /** 1-based page number. */
  page: number;
}

export interface PaginateOptions extends CallOptions {
  /**
   * For edges that return cursors but no `next` (tags, business_discovery): follow
   * `cursors.after` until a page is empty or the cursor stops changing.
   */
  cursorOnly?: boolean;
  /** Stop after this many pages (the caller's LIMIT pushdown usually just stops iterating). */
  maxPages?: number;
}

/**
 * Pages of a Graph edge. Follows the absolute `paging.next` when it is on BaseURL's origin
 * (its stale access_token/appsecret_proof are replaced by the current ones); a `next` on another
 * host is never followed (the token would go there): the request is rebuilt from `cursors.after`,
 * or the call fails. Stops when `next` is absent. A repeated `next` (a server loop) is an error,
 * never a silent partial result.
 */
export async function* paginate<T>(client: GraphClient, path: string, params: Params, options: PaginateOptions): AsyncGenerator<GraphPage<T>> {
  let url = client.url(path, params);
  const seen = new Set<string>();
  for (let page = 1; ; page++) {
    const response = await client.request<Record<string, unknown>>('GET', url, {}, options);
    const raw = (response.body ?? {}) as Record<string, unknown>;
    const data = Array.isArray(raw['data']) ? (raw['data'] as T[]) : [];
    const paging = raw['paging'] && typeof raw['paging'] === 'object' ? (raw['paging'] as Paging) : undefined;
    yield { data, paging, raw, page };
    if (options.maxPages !== undefined && page >= options.maxPages) return;
    const after = paging?.cursors?.after;
    let next: URL | undefined;
    if (typeof paging?.next === 'string' && paging.next !== '') {
      const candidate = new URL(paging.next, client.baseUrl);
      if (candidate.origin === client.baseUrl.origin) {
        candidate.searchParams.delete('access_token');
        candidate.searchParams.delete('appsecret_proof');
        next = candidate;
      } else if (after) {
        next = withAfter(client, path, params, after);
      } else {
        throw new IgsqlError('graph', `Paging of ${maskUrl(url)} points to another host (${candidate.origin}); igsql does not send the token there and has no cursor to continue from.`);
      }
    } else if (options.cursorOnly && after && data.length > 0) {
      next = withAfter(client, path, params, after);
    }
    if (next === undefined) return;
    const key = next.href;
    if (seen.has(key)) {
      if (options.cursorOnly && paging?.next === undefined) return; // the cursor stopped changing: the end
      throw new IgsqlError('graph', `Paging of ${maskUrl(url)} returned the same next page twice; stopping rather than looping.`);
    }
    seen.add(key);
    url = next;
  }
}

function withAfter(client: GraphClient, path: string, params: Params, after: string): URL {
  return client.url(path, { ...params, after });
}
