/**
 * `GET /{version}/debug_token?input_token=…&access_token=…` (graph-api.md §8.1 item 6).
 *
 * The inspecting token must be an app token of the input token's app, or a user / system-user token
 * of an admin or developer of that app (the demo user Sam Sandbox and the system user), or the
 * input token's own user. The answer is `{data:{…}}` with the recorded key set (base/token_info.json):
 * app_id (string), type, application, data_access_expires_at, expires_at (0 = never), is_valid,
 * issued_at, scopes, granular_scopes ({scope, target_ids}), user_id; Page tokens add profile_id; app
 * tokens have no expiry keys. A token that no longer works keeps its facts and gets is_valid false and
 * error {code, message, subcode}; an unknown token only `{error, is_valid: false, scopes: []}`.
 */
import type { RequestContext, SandboxApp } from '../context.js';
import type { PageRecord, UserRecord } from '../data/world.js';
import { graphError, missingParameter } from '../graph-error.js';
import type { TokenRecord } from '../tokens/token-registry.js';
import { oauthState } from './oauth-state.js';
import { isGranular } from './scopes.js';

function errorOf(ctx: RequestContext, token: string): { code: number; message: string; subcode?: number } | undefined {
  const problem = ctx.app.tokens.problem(token);
  if (problem === undefined) return undefined;
  const { code, message, subcode } = problem.spec;
  return subcode === undefined ? { code, message } : { code, message, subcode };
}

/** Assets each granular permission covers: Pages, IG accounts, businesses the token's subject reaches. */
function targets(ctx: RequestContext, record: TokenRecord, scope: string): string[] {
  const { data } = ctx;
  let pages: PageRecord[] = [];
  const subject = record.type === 'PAGE' ? record.pageId : record.userId;
  const node = subject === undefined ? undefined : data.lookup(subject);
  if (node?.type === 'User') pages = data.pagesOf(node.record as UserRecord).map((p) => p.page);
  else if (node?.type === 'Page') pages = [node.record as PageRecord];
  if (scope.startsWith('instagram_')) {
    return pages.flatMap((p) => (p.igAccountIndex === undefined ? [] : [data.igAccount(p.igAccountIndex)?.id ?? ''])).filter((id) => id !== '');
  }
  if (scope === 'business_management') return [...new Set(pages.map((p) => data.world.businesses[p.businessIndex]?.id ?? ''))].filter((id) => id !== '');
  return pages.map((p) => p.id);
}

function describe(ctx: RequestContext, record: TokenRecord): Record<string, unknown> {
  const app = oauthState(ctx.app).apps.get(record.appId);
  const out: Record<string, unknown> = { app_id: record.appId, type: record.type, application: app?.name ?? ctx.app.data.world.app.name };
  const error = errorOf(ctx, record.token);
  if (record.type !== 'APP') out['data_access_expires_at'] = record.dataAccessExpiresAt;
  if (error !== undefined) out['error'] = error;
  if (record.type !== 'APP') out['expires_at'] = record.expiresAt;
  out['is_valid'] = error === undefined;
  if (record.type !== 'APP') out['issued_at'] = record.issuedAt;
  if (record.type === 'PAGE' && record.pageId !== undefined) out['profile_id'] = record.pageId;
  out['scopes'] = record.type === 'APP' ? [] : [...record.scopes];
  if (record.type !== 'APP') {
    out['granular_scopes'] = record.scopes.filter(isGranular).map((scope) => {
      const ids = targets(ctx, record, scope);
      return ids.length === 0 ? { scope } : { scope, target_ids: ids };
    });
  }
  if (record.userId !== undefined) out['user_id'] = record.userId;
  return out;
}

function mayInspect(ctx: RequestContext, viewer: TokenRecord, input: TokenRecord | undefined): boolean {
  if (viewer.type === 'APP') return true;
  const app = oauthState(ctx.app).apps.get(input?.appId ?? viewer.appId);
  if (viewer.type !== 'USER' && viewer.type !== 'SYSTEM_USER') return false;
  if (viewer.userId !== undefined && app?.adminUserIds.has(viewer.userId)) return true;
  return input !== undefined && input.userId !== undefined && input.userId === viewer.userId;
}

function debugToken(ctx: RequestContext): unknown {
  const viewer = ctx.auth();
  const inputToken = ctx.params['input_token'];
  if (inputToken === undefined || inputToken === '') throw missingParameter('input_token');
  const input = ctx.app.tokens.lookup(inputToken);
  if (!mayInspect(ctx, viewer, input)) {
    throw graphError({ code: 100, message: '(#100) You must provide an app access token, or a user access token that is an owner or developer of the app' });
  }
  if (input === undefined) return { data: { error: errorOf(ctx, inputToken), is_valid: false, scopes: [] } };
  if (viewer.type === 'APP' && input.appId !== viewer.appId) {
    throw graphError({ code: 100, message: '(#100) The App_id in the input_token did not match the Viewing App' });
  }
  return { data: describe(ctx, input) };
}

export function installDebugToken(app: SandboxApp): void {
  app.router.get('/debug_token', debugToken);
}
