/**
 * Node types: what fields and edges each kind of object has. Renderers (fields/render.ts) use them
 * for `/{id}?fields=…`, `/{id}/{edge}` and nested expansion, so declaring a field or edge here is all
 * it takes to serve it. Stage 2 adds e.g. the `insights` edge with `nodes.addEdge('IGMedia', 'insights', …)`
 * and new node types (IGContainer) with `nodes.define(…)`.
 */
import type { RequestContext, Viewer } from '../context.js';
import type { GraphNode } from '../data/data-store.js';
import type { ListSource } from '../data/list-source.js';
import type { FieldSelection } from '../fields/parse-fields.js';

/**
 * How the object being rendered was reached. Visibility rules depend on it: `like_count` is left
 * out of hidden-like media unless `direct`; `view_count` exists only through `discovery`; `username`
 * cannot be requested on `hashtag` media.
 */
export type Reach = 'direct' | 'edge' | 'discovery' | 'hashtag';

export interface FieldContext {
  readonly req: RequestContext;
  readonly reach: Reach;
  /** The id of the object being rendered (undefined for id-less items such as permissions). */
  readonly id: string | undefined;
}

/** A value field. `get` returns the JSON value, or undefined/null/'' to leave the field out. */
export interface ScalarField<R> {
  readonly kind: 'scalar';
  get(record: R, ctx: FieldContext): unknown;
}

/**
 * A reference to another object (`owner`, `instagram_business_account`, comment `media`). Rendered as
 * `{ "id": … }` (or `defaultFields`) unless a sub-selection `owner{id,username}` asks for more.
 */
export interface NodeField<R> {
  readonly kind: 'node';
  get(record: R, ctx: FieldContext): string | undefined;
  /** Fields when no sub-selection is given; default `id`. */
  readonly defaultFields?: string;
}

/** A field with its own logic and parameters (`business_discovery.username(x){…}`, stage 2 `insights`). */
export interface CustomField<R> {
  readonly kind: 'custom';
  resolve(record: R, selection: FieldSelection, ctx: FieldContext): unknown;
}

export type FieldDef<R> = ScalarField<R> | NodeField<R> | CustomField<R>;

/**
 * Paging of an edge (graph-api.md §3):
 *   urls           cursors + absolute next/previous URLs (most edges)
 *   cursors        cursors only, no URLs (tags, business_discovery media)
 *   after-only     `after` cursor + next URL; no paging block on the last page (hashtag top_media)
 *   constant-after the same `after` on every page (hashtag recent_media)
 *   none           no paging block (children, content_publishing_limit, permissions)
 */
export type PagingStyle = 'urls' | 'cursors' | 'after-only' | 'constant-after' | 'none';

export interface EdgeContext extends FieldContext {
  /** Edge parameters: the query string for `/{id}/{edge}`, the modifiers for `edge.limit(5)…`. */
  readonly params: Readonly<Record<string, string>>;
  /** True when the edge is expanded inside `fields` rather than called as a path. */
  readonly nested: boolean;
}

export interface EdgeDef<R> {
  /** Node type of the items. */
  readonly itemType: string;
  /** Item fields when none are requested (comments: `timestamp,text,id`). */
  readonly defaultFields: string;
  readonly defaultLimit: number;
  readonly maxLimit: number;
  readonly paging: PagingStyle;
  /** How the items count as reached (default `edge`). */
  readonly reach?: Reach;
  /** How many items can be read at all (the `/media` edge's 10K); default unlimited. */
  readCap?(req: RequestContext): number;
  /** Parameters that must be present when the edge is called as a path (e.g. `user_id`). */
  readonly requiredParams?: readonly string[];
  /** The items, lazily. Throw a GraphError for bad parameters or missing permissions. */
  list(record: R, ctx: EdgeContext): ListSource<unknown>;
}

export interface NodeTypeDef<R = unknown> {
  /** Registry name, also `GraphNode.type`: `IGMedia`. */
  readonly name: string;
  /** The name Meta uses in errors: `ShadowIGMedia`. */
  readonly graphName: string;
  /** Route placeholder and request-log name: `ig-media-id`. Empty for id-less item types. */
  readonly pathParam: string;
  /** Fields returned when `fields` is absent (besides `id`). */
  readonly defaultFields: string;
  /** False for id-less items (permissions, publishing limit): no `id` is added. Default true. */
  readonly hasId?: boolean;
  readonly fields: Record<string, FieldDef<R>>;
  readonly edges: Record<string, EdgeDef<R>>;
  /** Whether the viewer may read this object directly (`/{id}`, `ids=`); false → 100/33. Default true. */
  canRead?(record: R, viewer: Viewer, req: RequestContext): boolean;
}

export class NodeRegistry {
  readonly #types = new Map<string, NodeTypeDef>();
  /** Changes whenever a type, field or edge is added (renderers cache per-selection lookups by it). */
  generation = 0;

  define<R>(def: NodeTypeDef<R>): void {
    if (this.#types.has(def.name)) throw new Error(`node type ${def.name} is already defined`);
    this.generation++;
    this.#types.set(def.name, def as unknown as NodeTypeDef);
  }

  get(name: string): NodeTypeDef | undefined {
    return this.#types.get(name);
  }

  require(name: string): NodeTypeDef {
    const def = this.#types.get(name);
    if (def === undefined) throw new Error(`unknown node type ${name}`);
    return def;
  }

  byPathParam(pathParam: string): NodeTypeDef | undefined {
    for (const def of this.#types.values()) if (def.pathParam === pathParam && pathParam !== '') return def;
    return undefined;
  }

  addField<R>(typeName: string, fieldName: string, def: FieldDef<R>): void {
    this.generation++;
    (this.require(typeName).fields as Record<string, unknown>)[fieldName] = def;
  }

  addEdge<R>(typeName: string, edgeName: string, def: EdgeDef<R>): void {
    this.generation++;
    (this.require(typeName).edges as Record<string, unknown>)[edgeName] = def;
  }

  /** Whether the viewer may read a node directly (its type's canRead). */
  canRead(node: GraphNode, viewer: Viewer, req: RequestContext): boolean {
    const def = this.#types.get(node.type);
    return def !== undefined && (def.canRead?.(node.record, viewer, req) ?? true);
  }

  names(): string[] {
    return [...this.#types.keys()];
  }
}
