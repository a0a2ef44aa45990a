/**
 * The one way a sandbox handler fails: `throw graphError({...})` (or one of the named helpers
 * below). The server turns a {@link GraphError} into Meta's envelope
 *   {"error":{"message","type","code","error_subcode"?,"error_user_title"?,"error_user_msg"?,"is_transient"?,"fbtrace_id"}}
 * with the HTTP status of graph-api.md §6 (500 for codes 1 and 2, 400 otherwise unless given) and,
 * for code 190, `WWW-Authenticate: OAuth "Facebook Platform" "invalid_token" "<message>"`.
 */

export interface GraphErrorSpec {
  message: string;
  code: number;
  /** Default `OAuthException`. */
  type?: string;
  subcode?: number;
  userTitle?: string;
  userMessage?: string;
  isTransient?: boolean;
  /** Default: 500 for codes 1 and 2, else 400. */
  status?: number;
  /** Extra response headers (e.g. stage 2's rate-limit headers). */
  headers?: Record<string, string>;
  /** Extra members of the `error` object (e.g. `original_response`). */
  extra?: Record<string, unknown>;
}

export class GraphError extends Error {
  readonly spec: Readonly<GraphErrorSpec>;

  constructor(spec: GraphErrorSpec) {
    super(spec.message);
    this.name = 'GraphError';
    this.spec = Object.freeze({ ...spec });
  }

  get status(): number {
    return this.spec.status ?? (this.spec.code === 1 || this.spec.code === 2 ? 500 : 400);
  }

  /** The response headers this error needs (WWW-Authenticate for 190, plus `spec.headers`). */
  headers(): Record<string, string> {
    const headers: Record<string, string> = { ...this.spec.headers };
    if (this.spec.code === 190 || this.spec.code === 102) {
      headers['WWW-Authenticate'] = `OAuth "Facebook Platform" "invalid_token" "${this.spec.message.replace(/"/g, "'")}"`;
    } else if (this.spec.code === 104) {
      headers['WWW-Authenticate'] = `OAuth "Facebook Platform" "invalid_request" "${this.spec.message.replace(/"/g, "'")}"`;
    }
    return headers;
  }

  /** The `{error:{...}}` body. */
  envelope(fbtraceId: string): { error: Record<string, unknown> } {
    const s = this.spec;
    const error: Record<string, unknown> = { message: s.message, type: s.type ?? 'OAuthException', code: s.code };
    if (s.subcode !== undefined) error['error_subcode'] = s.subcode;
    if (s.isTransient !== undefined) error['is_transient'] = s.isTransient;
    if (s.userTitle !== undefined) error['error_user_title'] = s.userTitle;
    if (s.userMessage !== undefined) error['error_user_msg'] = s.userMessage;
    Object.assign(error, s.extra);
    error['fbtrace_id'] = fbtraceId;
    return { error };
  }
}

export function graphError(spec: GraphErrorSpec): GraphError {
  return new GraphError(spec);
}

export function isGraphError(value: unknown): value is GraphError {
  return value instanceof GraphError;
}

// ---- The errors the core raises. Stage 2 adds its own next to its code, through graphError(). ----

/** 100/33: unknown object, no permission, or an edge/method the object does not support. */
export function unsupportedRequest(method: string, id: string): GraphError {
  return graphError({
    code: 100, subcode: 33, type: 'GraphMethodException',
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
  });
}

/** 803: an alias (non-numeric path segment or ids= entry) that does not exist. */
export function unknownAlias(alias: string): GraphError {
  return graphError({ code: 803, message: `(#803) Some of the aliases you requested do not exist: ${alias}` });
}

export function nonexistingField(field: string, nodeType: string): GraphError {
  return graphError({ code: 100, message: `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})` });
}

/** 2500: a malformed `fields` expression. `position` is the 0-based character offset. */
export function fieldsSyntaxError(detail: string, position: number, fields: string): GraphError {
  return graphError({ code: 2500, message: `Syntax error "${detail}" at character ${position}: ${fields}` });
}

export function missingParameter(name: string): GraphError {
  return graphError({ code: 100, message: `(#100) The parameter ${name} is required` });
}

export function invalidParameter(message: string): GraphError {
  return graphError({ code: 100, message: `(#100) ${message}` });
}

export function noPermission(): GraphError {
  return graphError({ code: 10, message: '(#10) Application does not have permission for this action' });
}

export function afterCursorExceedsLimit(): GraphError {
  return graphError({ code: 100, message: '(#100) The After Cursor specified exceeds the max limit supported by this endpoint' });
}

export function tooMuchData(): GraphError {
  return graphError({ code: 1, message: "Please reduce the amount of data you're asking for, then retry your request" });
}

export function missingToken(): GraphError {
  return graphError({ code: 104, message: 'An access token is required to request this resource.' });
}

export function unparsableToken(): GraphError {
  return graphError({ code: 190, message: 'Invalid OAuth access token - Cannot parse access token' });
}

export function activeTokenRequired(): GraphError {
  return graphError({ code: 2500, message: 'An active access token must be used to query information about the current user.' });
}
