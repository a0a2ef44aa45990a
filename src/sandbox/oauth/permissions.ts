/**
 * Revoking permissions, and `/me/permissions` that shows it:
 *
 *   DELETE /{user-id}/permissions               → {success:true}; the app is removed: every token of
 *                                                 that user for the calling token's app (Page tokens
 *                                                 derived from them too) fails with 190/458
 *   DELETE /{user-id}/permissions/{permission}  → {success:true}; the permission leaves the scopes of
 *                                                 those tokens and is listed as `declined`
 *
 * `GET /{user-id}/permissions` lists the token's scopes as `granted` (stage 1), then the permissions
 * revoked from it as `declined`.
 */
import type { RequestContext, SandboxApp } from '../context.js';
import { arraySource } from '../data/list-source.js';
import type { UserRecord } from '../data/world.js';
import { invalidParameter, unsupportedRequest } from '../graph-error.js';
import { edge } from '../nodes/define.js';
import type { TokenRecord } from '../tokens/token-registry.js';

interface PermissionItem {
  readonly permission: string;
  readonly status: 'granted' | 'declined';
}

function declinedOf(record: TokenRecord): string[] {
  const declined = record.metadata['declined'];
  return Array.isArray(declined) ? declined.filter((s): s is string => typeof s === 'string') : [];
}

/** The user's tokens of the caller's app: USER tokens and the Page tokens made for the user. */
function userTokens(ctx: RequestContext, user: UserRecord): TokenRecord[] {
  const caller = ctx.auth();
  if (caller.type !== 'USER' || caller.userId !== user.id) throw unsupportedRequest(ctx.method, user.id);
  return ctx.app.tokens.list().filter((t) => t.appId === caller.appId && t.userId === user.id && (t.type === 'USER' || t.type === 'PAGE'));
}

function revokeAll(ctx: RequestContext): { success: true } {
  for (const token of userTokens(ctx, ctx.node!.record as UserRecord)) ctx.app.tokens.invalidate(token.token, 'app-not-authorized');
  return { success: true };
}

function revokeOne(ctx: RequestContext): { success: true } {
  const permission = ctx.pathParams['permission']!;
  if (!/^[a-z_]+$/.test(permission)) throw invalidParameter(`Invalid permission name: ${permission}`);
  for (const token of userTokens(ctx, ctx.node!.record as UserRecord)) {
    if (!token.scopes.includes(permission)) continue;
    token.scopes = token.scopes.filter((s) => s !== permission);
    (token.metadata as Record<string, unknown>)['declined'] = [...declinedOf(token), permission];
  }
  return { success: true };
}

export function installPermissions(app: SandboxApp): void {
  app.router.delete('/{user-id}/permissions', revokeAll);
  app.router.delete('/{user-id}/permissions/{permission}', revokeOne);
  app.nodes.addEdge<UserRecord>('User', 'permissions', edge<UserRecord>({
    itemType: 'Permission', defaultFields: 'permission,status', paging: 'none', maxLimit: 1000, defaultLimit: 1000,
    list: (user, ctx) => {
      const viewer = ctx.req.viewer();
      if (viewer.user?.id !== user.id) throw unsupportedRequest(ctx.req.method, user.id);
      return arraySource<PermissionItem>([
        ...viewer.token.scopes.map((permission) => ({ permission, status: 'granted' as const })),
        ...declinedOf(viewer.token).map((permission) => ({ permission, status: 'declined' as const })),
      ]);
    },
  }));
}
