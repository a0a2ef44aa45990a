/**
 * Multi-object reads (graph-api.md §4): `GET /?ids=a,b&fields=…` answers an object keyed by id, and
 * `GET /{edge}?ids=a,b` the edge of each. One bad id fails the whole request (numeric → 100/33,
 * alias → 803), as Meta does. At most 50 ids.
 */
import type { RequestContext, SandboxApp } from '../context.js';
import type { GraphNode } from '../data/data-store.js';
import { activeTokenRequired, invalidParameter, missingParameter, nonexistingField, unknownAlias, unsupportedRequest } from '../graph-error.js';
import { renderEdge, renderNode, requestedFields } from '../fields/render.js';

export const MAX_IDS = 50;

function resolveIds(ctx: RequestContext): GraphNode[] {
  const raw = ctx.params['ids'];
  if (raw === undefined || raw.trim() === '') throw missingParameter('ids');
  const ids = [...new Set(raw.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
  if (ids.length > MAX_IDS) throw invalidParameter(`Too many IDs. Maximum: ${MAX_IDS}. Provided: ${ids.length}.`);
  const viewer = ctx.viewer();
  return ids.map((id) => {
    if (id === 'me') {
      if (viewer.me === undefined) throw activeTokenRequired();
      return viewer.me;
    }
    const node = ctx.data.lookup(id);
    if (node === undefined || !ctx.app.nodes.canRead(node, viewer, ctx)) {
      throw /^\d+$/.test(id) ? unsupportedRequest(ctx.method, id) : unknownAlias(id);
    }
    return node;
  });
}

function readMany(ctx: RequestContext): unknown {
  ctx.endpoint = 'GET /?ids';
  const fields = requestedFields(ctx.params);
  const out: Record<string, unknown> = {};
  for (const node of resolveIds(ctx)) out[node.id] = renderNode(node, fields, ctx, 'direct');
  return out;
}

function readManyEdges(ctx: RequestContext): unknown {
  const edgeName = ctx.pathParams['edge']!;
  if (ctx.params['ids'] === undefined) {
    ctx.endpoint = `${ctx.method} (unrouted)`;
    throw /^\d+$/.test(edgeName) ? unsupportedRequest(ctx.method, edgeName) : unknownAlias(edgeName);
  }
  ctx.endpoint = `GET /${edgeName}?ids`;
  const fields = requestedFields(ctx.params);
  const out: Record<string, unknown> = {};
  for (const node of resolveIds(ctx)) {
    const def = ctx.app.nodes.require(node.type);
    const edge = Object.hasOwn(def.edges, edgeName) ? def.edges[edgeName] : undefined;
    if (edge === undefined) throw nonexistingField(edgeName, def.graphName);
    out[node.id] = renderEdge(node, edgeName, edge, { params: ctx.params, children: fields, nested: false, req: ctx });
  }
  return out;
}

export function installMultiIdRoutes(app: SandboxApp): void {
  app.router.get('/', readMany);
  app.router.get('/{edge}', readManyEdges);
}
