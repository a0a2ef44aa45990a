/**
 * `appsecret_proof` checking, as middleware so it covers every route and every batch item (each is
 * dispatched through the middleware chain).
 *
 * For a user, Page or system-user token of an app (app tokens carry the secret already and are not
 * checked): a given `appsecret_proof` must be HMAC-SHA256(token, app secret) as hex, or, with
 * `appsecret_time=<unix seconds>`, HMAC-SHA256(`token|time`, app secret) with the time within 300 s
 * of the sandbox clock; otherwise 100 `Invalid appsecret_proof provided in the API argument`. When the
 * app requires it (`oauth.requireAppSecretProof`, or per app) and it is missing: 100 `API calls from
 * the server require an appsecret_proof argument`. Both are GraphMethodException, HTTP 400. The OAuth
 * endpoints themselves (dialog, /oauth/access_token) are exempt. A batch request's valid proof also
 * covers its operations that run with the batch's token (they are handed the token, not the proof).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RequestContext, SandboxApp } from '../context.js';
import { graphError, type GraphError } from '../graph-error.js';
import { oauthState } from './oauth-state.js';

/** How long a time-stamped proof stays valid, seconds. */
export const PROOF_WINDOW_SECONDS = 300;
const EXEMPT_PATHS = new Set(['/oauth/access_token', '/dialog/oauth']);

/** The proof a client computes: hex HMAC-SHA256 of the token (or `token|time`) keyed by the app secret. */
export function appSecretProof(token: string, appSecret: string, time?: number): string {
  return createHmac('sha256', appSecret).update(time === undefined ? token : `${token}|${time}`).digest('hex');
}

export function missingProof(): GraphError {
  return graphError({ code: 100, type: 'GraphMethodException', message: 'API calls from the server require an appsecret_proof argument' });
}

export function invalidProof(): GraphError {
  return graphError({ code: 100, type: 'GraphMethodException', message: 'Invalid appsecret_proof provided in the API argument' });
}

function sameHex(given: string, expected: string): boolean {
  const a = Buffer.from(given.toLowerCase());
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Tokens whose proof a batch request carried, while that batch runs: its operations that use the
 * top-level token (handed down without the proof) count as proven, as on Meta, where the batch's
 * appsecret_proof covers them. Operations with their own access_token need their own proof.
 */
function provenBatchTokens(app: SandboxApp): Map<string, number> {
  let proven = app.state.get('appsecret-proven') as Map<string, number> | undefined;
  if (proven === undefined) {
    proven = new Map();
    app.state.set('appsecret-proven', proven);
  }
  return proven;
}

/** Checks the request's proof; returns whether it carried a valid one. */
export function checkAppSecretProof(ctx: RequestContext): boolean {
  if (EXEMPT_PATHS.has(ctx.path)) return false;
  const token = ctx.token;
  if (token === undefined || token === '') return false;
  const record = ctx.app.tokens.lookup(token);
  if (record === undefined || record.type === 'APP') return false;
  const oauthApp = oauthState(ctx.app).apps.get(record.appId);
  if (oauthApp === undefined) return false;
  const proof = ctx.params['appsecret_proof'];
  if (proof === undefined || proof === '') {
    if (oauthApp.requireAppSecretProof && !provenBatchTokens(ctx.app).has(token)) throw missingProof();
    return false;
  }
  const timeText = ctx.params['appsecret_time'];
  let expected: string;
  if (timeText === undefined || timeText === '') {
    expected = appSecretProof(token, oauthApp.secret);
  } else {
    const time = /^\d{1,12}$/.test(timeText) ? Number(timeText) : NaN;
    if (!(Math.abs(Math.floor(ctx.clock.now() / 1000) - time) <= PROOF_WINDOW_SECONDS)) throw invalidProof();
    expected = appSecretProof(token, oauthApp.secret, time);
  }
  if (!sameHex(proof, expected)) throw invalidProof();
  return true;
}

export function installAppSecretProof(app: SandboxApp): void {
  app.use(async (ctx, next) => {
    const proven = checkAppSecretProof(ctx);
    if (!proven || ctx.params['batch'] === undefined) return next();
    const batches = provenBatchTokens(app);
    const token = ctx.token!;
    batches.set(token, (batches.get(token) ?? 0) + 1);
    try {
      return await next();
    } finally {
      const left = (batches.get(token) ?? 1) - 1;
      if (left === 0) batches.delete(token);
      else batches.set(token, left);
    }
  });
}
