/**
 * Reading a batch request (graph-api.md §5): the `batch` parameter, a JSON array of at most 50
 * operations, from a form field, the query string or a JSON body (`{"batch":[…]}`, which the
 * request parser hands over as JSON text). Problems with the whole batch are GraphBatchException
 * errors; problems with one operation become that operation's error answer.
 */
import type { RequestContext } from '../context.js';
import { graphError, invalidParameter, missingParameter, type GraphError } from '../graph-error.js';
import { findReferences } from './json-path.js';

export const MAX_BATCH = 50;

/** A POST carrying `batch=` that is not itself a batch item: answered as a batch on any path. */
export function isBatchRequest(ctx: RequestContext): boolean {
  return ctx.source !== 'batch' && ctx.method === 'POST' && ctx.params['batch'] !== undefined;
}

export interface BatchOperation {
  readonly index: number;
  readonly method: string;
  readonly relativeUrl: string;
  /** Form-encoded body (POST/DELETE). */
  readonly body: string | undefined;
  readonly name: string | undefined;
  readonly accessToken: string | undefined;
  readonly dependsOn: string | undefined;
  /** Explicit `omit_response_on_success`; by default the answer of an operation others depend on is left out (null). */
  readonly omitResponseOnSuccess: boolean | undefined;
  /** Why the operation cannot run (its answer is this error). */
  readonly problem: GraphError | undefined;
}

export function batchError(message: string): GraphError {
  return graphError({ code: 100, type: 'GraphBatchException', message });
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function bodyText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && !Array.isArray(value)) {
    return new URLSearchParams(Object.entries(value).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();
  }
  return String(value);
}

function operation(raw: unknown, index: number): BatchOperation {
  const item = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const method = (text(item['method']) ?? 'GET').toUpperCase();
  const relativeUrl = text(item['relative_url']);
  let problem: GraphError | undefined;
  if (item !== raw) problem = invalidParameter(`Batch request ${index} must be a JSON object with method and relative_url`);
  else if (relativeUrl === undefined || relativeUrl.trim() === '') problem = missingParameter('relative_url');
  const omit = item['omit_response_on_success'];
  return {
    index, method, relativeUrl: relativeUrl ?? '', body: bodyText(item['body']), name: text(item['name']),
    accessToken: text(item['access_token']), dependsOn: text(item['depends_on']),
    omitResponseOnSuccess: omit === undefined ? undefined : omit === true || omit === 'true', problem,
  };
}

/** The operations of a batch, or throws the GraphBatchException that fails the whole request. */
export function parseBatch(batchText: string): BatchOperation[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(batchText);
  } catch {
    throw batchError('(#100) The batch parameter must be a JSON array of requests');
  }
  if (!Array.isArray(parsed)) throw batchError('(#100) The batch parameter must be a JSON array of requests');
  if (parsed.length > MAX_BATCH) throw batchError(`Too many requests in batch message. Maximum batch size is ${MAX_BATCH}`);
  const operations = parsed.map(operation);
  const names = new Set<string>();
  for (const op of operations) {
    const wanted = [...findReferences(`${op.relativeUrl}\n${op.body ?? ''}`).map((r) => r.name), ...(op.dependsOn === undefined ? [] : [op.dependsOn])];
    for (const name of wanted) {
      if (!names.has(name)) {
        throw batchError(`Request ${op.index} cannot depend on an unresolved request with name ${name}. Requests can only depend on preceding requests`);
      }
    }
    if (op.name !== undefined) names.add(op.name);
  }
  return operations;
}

/** Names that a later operation refers to (their successful answers are omitted by default). */
export function referencedNames(operations: readonly BatchOperation[]): Set<string> {
  const used = new Set<string>();
  for (const op of operations) {
    for (const ref of findReferences(`${op.relativeUrl}\n${op.body ?? ''}`)) used.add(ref.name);
    if (op.dependsOn !== undefined) used.add(op.dependsOn);
  }
  return used;
}

/** The dispatch URL of an operation: relative_url with or without a version or leading slash, or `?ids=…`. */
export function operationUrl(relativeUrl: string, version: string): string {
  const trimmed = relativeUrl.trim().replace(/^\/+/, '');
  if (/^v\d+\.\d+(?:[/?]|$)/.test(trimmed)) return `/${trimmed}`;
  return `/${version}/${trimmed}`;
}
