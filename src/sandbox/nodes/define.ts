/**
 * Small constructors that keep node-type files declarative:
 *   scalar((record, ctx) => value)           a value field
 *   nodeRef((record, ctx) => id, 'id,name')  a reference to another object, expandable with {…}
 *   edge({ itemType, defaultFields, ... })   an edge (default limit 25, max 100, `urls` paging)
 */
import type { EdgeDef, FieldContext, NodeField, ScalarField } from './node-registry.js';

export function scalar<R>(get: (record: R, ctx: FieldContext) => unknown): ScalarField<R> {
  return { kind: 'scalar', get };
}

export function nodeRef<R>(get: (record: R, ctx: FieldContext) => string | undefined, defaultFields?: string): NodeField<R> {
  return defaultFields === undefined ? { kind: 'node', get } : { kind: 'node', get, defaultFields };
}

type EdgeSpec<R> = Omit<EdgeDef<R>, 'defaultLimit' | 'maxLimit' | 'paging'> & Partial<Pick<EdgeDef<R>, 'defaultLimit' | 'maxLimit' | 'paging'>>;

export function edge<R>(spec: EdgeSpec<R>): EdgeDef<R> {
  return { defaultLimit: 25, maxLimit: 100, paging: 'urls', ...spec };
}
