/**
 * The generic read routes every node type gets from its declaration:
 *   GET /{id}          the object with `fields` (or its type's default fields)
 *   GET /{id}/{edge}   one of its edges, paged, with `fields` applied to the items
 * An edge the type does not declare gets Meta's `(#100) Tried accessing nonexisting field (x) on node type (T)`.
 */
import type { RequestContext, SandboxApp } from '../context.js';
import { nonexistingField } from '../graph-error.js';
import { renderEdge, renderNode, requestedFields } from '../fields/render.js';

export function readNode(ctx: RequestContext): unknown {
  return renderNode(ctx.node!, requestedFields(ctx.params), ctx, 'direct');
}

export function readEdge(ctx: RequestContext): unknown {
  const node = ctx.node!;
  const edgeName = ctx.pathParams['edge']!;
  const def = ctx.app.nodes.require(node.type);
  const edge = Object.hasOwn(def.edges, edgeName) ? def.edges[edgeName] : undefined;
  if (edge === undefined) throw nonexistingField(edgeName, def.graphName);
  return renderEdge(node, edgeName, edge, { params: ctx.params, children: requestedFields(ctx.params), nested: false, req: ctx });
}

export function installReadRoutes(app: SandboxApp): void {
  app.router.get('/{id}', readNode);
  app.router.get('/{id}/{edge}', readEdge);
}
