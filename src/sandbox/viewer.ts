/**
 * Who a token speaks for. USER and SYSTEM_USER tokens see the Pages their user has a role on and the
 * IG accounts linked to them; a PAGE token sees its Page and that Page's IG account; an APP token sees
 * no user data (`/me` → 2500).
 */
import type { RequestContext, Viewer } from './context.js';
import type { TokenRecord } from './tokens/token-registry.js';

export function resolveViewer(req: RequestContext, token: TokenRecord): Viewer {
  const { data } = req;
  const scopes = new Set(token.scopes);
  let me = undefined;
  let user = undefined;
  let pages: Viewer['pages'] = [];
  if (token.type === 'USER' || token.type === 'SYSTEM_USER') {
    const node = token.userId === undefined ? undefined : data.lookup(token.userId);
    if (node?.type === 'User') {
      me = node;
      user = node.record as NonNullable<Viewer['user']>;
      pages = data.pagesOf(user);
    }
  } else if (token.type === 'PAGE' && token.pageId !== undefined) {
    const node = data.lookup(token.pageId);
    if (node?.type === 'Page') {
      me = node;
      const page = node.record as Viewer['pages'][number]['page'];
      const owner = token.userId === undefined ? undefined : data.lookup(token.userId);
      const role = owner?.type === 'User' ? data.pagesOf(owner.record as NonNullable<Viewer['user']>).find((p) => p.page.id === page.id) : undefined;
      pages = [{ page, tasks: role?.tasks ?? ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'] }];
    }
  }
  const igAccountIds = new Set<string>();
  for (const { page } of pages) {
    const account = page.igAccountIndex === undefined ? undefined : data.igAccount(page.igAccountIndex);
    if (account !== undefined) igAccountIds.add(account.id);
  }
  return { token, me, user, pages, igAccountIds, hasScope: (scope) => scopes.has(scope) };
}
