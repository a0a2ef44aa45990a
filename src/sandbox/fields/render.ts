/**
 * Applies a field selection to objects: `renderNode` for `/{id}` and nested objects, `renderEdge`
 * for `/{id}/{edge}` and `edge{…}` expansion. Rules (graph-api.md §1, §4, §10.2):
 *   - `id` is always returned (appended last when not requested) for types that have ids;
 *   - fields whose value is undefined, null, '' or [] are left out, never sent as null;
 *   - an expanded edge is `{ data, paging }` and left out entirely when it has no items;
 *   - a name that is neither a field nor an edge of the type → (#100) Tried accessing nonexisting field.
 */
import type { RequestContext } from '../context.js';
import type { GraphNode } from '../data/data-store.js';
import { missingParameter, nonexistingField } from '../graph-error.js';
import type { EdgeDef, FieldContext, FieldDef, NodeTypeDef, Reach } from '../nodes/node-registry.js';
import { paginate, type LinkBuilder } from '../paging/paginate.js';
import { edgeLink, constantAfterState } from './edge-links.js';
import { parseFields, type FieldSelection } from './parse-fields.js';

const defaultsCache = new Map<string, readonly FieldSelection[]>();

export function defaultSelection(fields: string): readonly FieldSelection[] {
  let parsed = defaultsCache.get(fields);
  if (parsed === undefined) {
    parsed = parseFields(fields);
    defaultsCache.set(fields, parsed);
  }
  return parsed;
}

/** Parsed `fields` parameters by text (bounded): a scan repeats the same expression on every page. */
const requestedCache = new Map<string, readonly FieldSelection[]>();
const REQUESTED_CACHE_SIZE = 256;

/** The `fields` parameter parsed, or undefined when absent or empty (defaults apply). */
export function requestedFields(params: Readonly<Record<string, string>>): readonly FieldSelection[] | undefined {
  const text = params['fields'];
  if (text === undefined) return undefined;
  let parsed = requestedCache.get(text);
  if (parsed === undefined) {
    if (text.trim() === '') return undefined;
    parsed = parseFields(text);
    if (requestedCache.size >= REQUESTED_CACHE_SIZE) requestedCache.clear();
    requestedCache.set(text, parsed);
  }
  return parsed;
}

/** Sets an own property even for keys like `__proto__` (aliases come from the request). */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** One requested field resolved against a node type: its field or edge definition (neither → error). */
interface Step {
  readonly field: FieldSelection;
  readonly fieldDef: FieldDef<unknown> | undefined;
  readonly edge: EdgeDef<unknown> | undefined;
}

/** Resolved steps by selection and node type (valid for one registry generation). */
const stepCache = new WeakMap<readonly FieldSelection[], Map<NodeTypeDef, { generation: number; steps: readonly Step[] }>>();

function stepsFor(def: NodeTypeDef, fields: readonly FieldSelection[], generation: number): readonly Step[] {
  let byType = stepCache.get(fields);
  if (byType === undefined) stepCache.set(fields, (byType = new Map()));
  const cached = byType.get(def);
  if (cached !== undefined && cached.generation === generation) return cached.steps;
  const steps = fields.map((field): Step => ({
    field,
    fieldDef: Object.hasOwn(def.fields, field.name) ? def.fields[field.name] : undefined,
    edge: Object.hasOwn(def.edges, field.name) ? def.edges[field.name] : undefined,
  }));
  byType.set(def, { generation, steps });
  return steps;
}

export function renderNode(node: GraphNode, selection: readonly FieldSelection[] | undefined, req: RequestContext, reach: Reach): Record<string, unknown> {
  const nodes = req.app.nodes;
  const def = nodes.require(node.type);
  const hasId = def.hasId !== false;
  const steps = stepsFor(def, selection ?? defaultSelection(def.defaultFields), nodes.generation);
  const out: Record<string, unknown> = {};
  const ctx: FieldContext = { req, reach, id: hasId ? node.id : undefined };
  for (const step of steps) {
    const field = step.field;
    if (hasId && field.name === 'id') {
      put(out, field.key, node.id);
      continue;
    }
    const value = renderField(def, node, step, ctx);
    if (!isEmpty(value)) put(out, field.key, value);
  }
  if (hasId && !Object.hasOwn(out, 'id')) out['id'] = node.id;
  return out;
}

function renderField(def: NodeTypeDef, node: GraphNode, step: Step, ctx: FieldContext): unknown {
  const { field, fieldDef, edge } = step;
  if (fieldDef !== undefined) {
    switch (fieldDef.kind) {
      case 'scalar':
        return fieldDef.get(node.record, ctx);
      case 'custom':
        return fieldDef.resolve(node.record, field, ctx);
      case 'node': {
        const id = fieldDef.get(node.record, ctx);
        if (id === undefined) return undefined;
        const sub = field.children ?? (fieldDef.defaultFields === undefined ? undefined : defaultSelection(fieldDef.defaultFields));
        if (sub === undefined || (sub.length === 1 && sub[0]!.name === 'id' && sub[0]!.key === 'id')) return { id };
        const target = ctx.req.data.lookup(id);
        return target === undefined ? { id } : renderNode(target, sub, ctx.req, 'edge');
      }
    }
  }
  if (edge !== undefined) {
    const body = renderEdge(node, field.name, edge, { params: field.params, children: field.children, nested: true, req: ctx.req });
    return (body['data'] as unknown[]).length === 0 ? undefined : body;
  }
  throw nonexistingField(field.name, def.graphName);
}

export interface EdgeRequest {
  readonly params: Readonly<Record<string, string>>;
  /** Item fields (the `{…}` of an expansion, or the `fields` parameter of a direct call). */
  readonly children: readonly FieldSelection[] | undefined;
  readonly nested: boolean;
  readonly req: RequestContext;
}

/** `{ data: [...], paging?: {...}, summary?: {...} }` for one edge of a node. */
export function renderEdge(node: GraphNode, edgeName: string, edge: EdgeDef<unknown>, request: EdgeRequest): Record<string, unknown> {
  const { params, req } = request;
  for (const name of edge.requiredParams ?? []) if (!request.nested && (params[name] ?? '') === '') throw missingParameter(name);
  const source = edge.list(node.record, { req, reach: 'edge', id: node.id, params, nested: request.nested });
  const link: LinkBuilder = (direction, cursor, limit) => edgeLink(req, node.id, edgeName, request, direction, cursor, limit);
  const state = edge.paging === 'constant-after' ? constantAfterState(req, node.id, edgeName, params) : undefined;
  const page = paginate(source, edge, params, {
    link, cap: edge.readCap?.(req) ?? Infinity, startOverride: state?.start, constantAfter: state?.cursor,
  });
  state?.save(page.items.length);
  const itemDef = req.app.nodes.require(edge.itemType);
  const fields = request.children ?? defaultSelection(edge.defaultFields);
  const reach = edge.reach ?? 'edge';
  const data = page.items.map((record) => {
    const id = (record as { id?: unknown }).id;
    return renderNode({ type: itemDef.name, id: typeof id === 'string' ? id : '', record }, fields, req, reach);
  });
  const body: Record<string, unknown> = { data };
  if (page.paging !== undefined) body['paging'] = page.paging;
  const summary = params['summary'];
  if (summary !== undefined && summary !== 'false' && summary !== '0') body['summary'] = { total_count: source.total };
  return body;
}
