/**
 * The throttling errors of graph-api.md §6, with Meta's messages: code 4 (app), 17 (user), 32 (Page),
 * 613 (generic rate limit), 80002 (Instagram business use case). All HTTP 400, `OAuthException`,
 * `is_transient: true`; the usage headers of the call travel with them.
 */
import { graphError, type GraphError } from '../graph-error.js';

export type ThrottleCode = 4 | 17 | 32 | 613 | 80002;

export const THROTTLE_CODES: readonly ThrottleCode[] = [4, 17, 32, 613, 80002];

export const THROTTLE_MESSAGES: Readonly<Record<ThrottleCode, string>> = {
  4: '(#4) Application request limit reached',
  17: '(#17) User request limit reached',
  32: '(#32) Page request limit reached',
  613: '(#613) Calls to this api have exceeded the rate limit.',
  80002: '(#80002) There have been too many calls to this Instagram account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.',
};

export function throttleError(code: ThrottleCode, headers: Record<string, string> = {}): GraphError {
  return graphError({ code, message: THROTTLE_MESSAGES[code], isTransient: true, headers });
}
