/**
 * Batch requests (graph-api.md §5): `POST` on any path with `batch=[…]` runs each operation through
 * `app.dispatch` (source `batch`: its own middleware pass, rate-limit count and request-log entry)
 * in order, and answers HTTP 200 with a JSON array in request order of
 *   {"code":200,"headers":[{"name":"Content-Type","value":"text/javascript; charset=UTF-8"},…],"body":"{\"id\":\"…\"}"}
 * `body` is the operation's answer as a string; `include_headers=false` leaves `headers` out. An
 * operation's error is its own answer and does not affect the others. The top-level token is
 * required (104/190 fail the whole batch) and is the fallback for operations without
 * `access_token`. An operation that did not complete (a fault took its socket) answers `null`,
 * as Meta does for operations cut off by a timeout. Other requests are served between every few
 * operations (YIELD_EVERY).
 */
import { createHash } from 'node:crypto';
import { errorResponse } from '../app.js';
import type { RequestContext, SandboxApp } from '../context.js';
import { invalidParameter, isGraphError } from '../graph-error.js';
import { bodyText, JsonTextMember } from '../http/graph-json.js';
import { reply, type GraphResponse } from '../http/reply.js';
import { batchError, isBatchRequest, operationUrl, parseBatch, referencedNames, type BatchOperation } from './batch-request.js';
import { findReferences, referenceText, selectPath, substituteReferences, UnsupportedPathError } from './json-path.js';

export interface BatchAnswer {
  code: number;
  headers?: { name: string; value: string }[];
  /** The operation's answer as a string (a JSON answer's bytes are written into the envelope as one). */
  body: string | JsonTextMember;
}

/**
 * Operations run between turns of the event loop. An operation's work is promise callbacks only,
 * so without a turn a batch of 50 comment pages (~10 ms) held every other request (a media page
 * on another socket, a latency timer) until it ended, as Meta's servers do not: W7's media pages
 * waited behind batches (their sandbox time p90 ~69 → ~60 ms, in alternating runs).
 */
const YIELD_EVERY = 5;

const HIDDEN_HEADERS = new Set(['x-fb-debug', 'x-fb-trace-id', 'x-fb-rev', 'content-length']);

function answerOf(response: GraphResponse, includeHeaders: boolean): BatchAnswer {
  if (!includeHeaders) return { code: response.status, body: typeof response.body === 'string' ? response.body : new JsonTextMember(response.body) };
  const body = bodyText(response.body);
  const headers: { name: string; value: string }[] = [];
  for (const [name, value] of Object.entries(response.headers)) {
    if (HIDDEN_HEADERS.has(name.toLowerCase())) continue;
    const json = name.toLowerCase() === 'content-type' && value.startsWith('application/json');
    headers.push({ name, value: json ? 'text/javascript; charset=UTF-8' : value });
  }
  if (response.status === 200) headers.push({ name: 'ETag', value: `"${createHash('sha1').update(body).digest('hex')}"` });
  return { code: response.status, headers, body };
}

/** Runs one operation; undefined when it did not complete. */
async function runOperation(ctx: RequestContext, op: BatchOperation, done: Map<string, GraphResponse | undefined>): Promise<GraphResponse | undefined> {
  const fail = (error: ReturnType<typeof invalidParameter>): GraphResponse => {
    const response = errorResponse(error, ctx.traceId);
    response.headers['facebook-api-version'] = ctx.version;
    return response;
  };
  if (op.problem !== undefined) return fail(op.problem);
  const needed = [...findReferences(`${op.relativeUrl}\n${op.body ?? ''}`).map((r) => r.name), ...(op.dependsOn === undefined ? [] : [op.dependsOn])];
  const failed = needed.find((name) => done.get(name)?.status !== 200);
  if (failed !== undefined) return fail(batchError(`(#100) Request ${op.index} depends on request ${failed}, which did not succeed`));
  let url: string;
  let body: string | undefined;
  try {
    const resolve = ({ name, path }: { name: string; path: string }): string => referenceText(selectPath(done.get(name)!.json, path));
    url = operationUrl(substituteReferences(op.relativeUrl, resolve), ctx.version);
    body = op.body === undefined || op.method === 'GET' ? undefined : substituteReferences(op.body, resolve);
  } catch (error) {
    if (error instanceof UnsupportedPathError) return fail(invalidParameter(error.message));
    throw error;
  }
  const token = op.accessToken ?? ctx.token;
  const headers: Record<string, string> = {};
  if (token !== undefined) headers['authorization'] = `OAuth ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
  const response = await ctx.app.dispatch({ method: op.method, url, headers, body, source: 'batch' });
  return response.send === undefined ? response : undefined;
}

async function runBatch(ctx: RequestContext): Promise<GraphResponse> {
  ctx.endpoint = 'POST /?batch';
  ctx.auth();
  const operations = parseBatch(ctx.params['batch']!);
  const includeHeaders = ctx.params['include_headers'] !== 'false';
  const referenced = referencedNames(operations);
  const done = new Map<string, GraphResponse | undefined>();
  const answers: (BatchAnswer | null)[] = [];
  for (const op of operations) {
    if (op.index > 0 && op.index % YIELD_EVERY === 0) await new Promise(setImmediate);
    let response: GraphResponse | undefined;
    try {
      response = await runOperation(ctx, op, done);
    } catch (error) {
      if (!isGraphError(error)) throw error;
      response = errorResponse(error, ctx.traceId);
    }
    if (op.name !== undefined) done.set(op.name, response);
    const omit = op.omitResponseOnSuccess ?? (op.name !== undefined && referenced.has(op.name));
    answers.push(response === undefined || (omit && response.status === 200) ? null : answerOf(response, includeHeaders));
  }
  return reply.json(answers);
}

export function installBatch(app: SandboxApp): void {
  app.use(async (ctx, next) => (isBatchRequest(ctx) ? runBatch(ctx) : next()));
}
