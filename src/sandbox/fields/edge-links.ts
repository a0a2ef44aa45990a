/**
 * Absolute `next` / `previous` URLs of an edge page, on the sandbox's own origin, in the order the
 * recorded responses show: `access_token`, `pretty=0`, the request's other parameters (for an
 * expanded edge: `fields` = its sub-selection, then its modifiers), `limit`, then `after`/`before`.
 */
import type { RequestContext } from '../context.js';
import { invalidParameter } from '../graph-error.js';
import { serializeFields, type FieldSelection } from './parse-fields.js';

const PAGING_PARAMS = new Set(['access_token', 'pretty', 'limit', 'after', 'before']);

interface LinkRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly children: readonly FieldSelection[] | undefined;
  readonly nested: boolean;
}

export function edgeLink(
  req: RequestContext, nodeId: string, edgeName: string, request: LinkRequest,
  direction: 'after' | 'before', cursor: string, limit: number,
): string {
  const query = new URLSearchParams();
  if (req.token !== undefined) query.set('access_token', req.token);
  query.set('pretty', '0');
  if (request.nested) {
    if (request.children !== undefined) query.set('fields', serializeFields(request.children));
    for (const [key, value] of Object.entries(request.params)) if (!PAGING_PARAMS.has(key)) query.set(key, value);
  } else {
    for (const key of req.paramOrder) if (!PAGING_PARAMS.has(key)) query.set(key, req.params[key]!);
  }
  query.set('limit', String(limit));
  query.set(direction, cursor);
  return `${req.app.origin}/${req.version}/${nodeId}/${edgeName}?${query.toString()}`;
}

export interface ConstantAfterState {
  readonly start: number;
  readonly cursor: string;
  save(served: number): void;
}

/**
 * `recent_media` prints the same `after` cursor on every page (graph-api.md §1.7), so the position
 * lives on the server, per (token, object, edge, user_id): a request without `after` starts over,
 * a request with the constant cursor continues where the previous page ended.
 */
export function constantAfterState(req: RequestContext, nodeId: string, edgeName: string, params: Readonly<Record<string, string>>): ConstantAfterState {
  const cursor = Buffer.from(`AQHconst${nodeId}${edgeName}`).toString('base64').replace(/=+$/, '');
  const key = `constant-after\u0000${req.token ?? ''}\u0000${nodeId}\u0000${edgeName}\u0000${params['user_id'] ?? ''}`;
  const after = params['after'];
  if (after !== undefined && after !== '' && after !== cursor) throw invalidParameter(`The after cursor is not valid: ${after.slice(0, 40)}`);
  const stored = req.app.state.get(key);
  const start = after === cursor && typeof stored === 'number' ? stored : 0;
  return { start, cursor, save: (served) => req.app.state.set(key, start + served) };
}
