/**
 * AuthenticateAsPage and GetPageAccessToken: a Page's token, fetched with the user token
 * (`/me` → `/{user-id}/accounts`). From a long-lived user token it never expires; from a
 * short-lived one it lasts about an hour (graph-api.md §8.1.4).
 */
import { IgsqlError } from '../errors.js';
import type { OAuthApi } from './oauth-client.js';
import type { PageAccount } from './oauth-responses.js';
import type { PageToken, StoredTokens } from './stored-tokens.js';
import type { TokenStore } from './token-store.js';

/** The page of `pages` whose id is `page`, or else whose name is (case-insensitively). */
export function matchPage<P extends { id: string; name?: string }>(pages: readonly P[], page: string): P | undefined {
  const wanted = page.trim();
  return pages.find((p) => p.id === wanted) ?? pages.find((p) => p.name !== undefined && p.name.toLowerCase() === wanted.toLowerCase());
}

/** A stored Page token for `page` (id or name) that is still usable at `now`. */
export function storedPageToken(tokens: StoredTokens | undefined, page: string, now: number): (PageToken & { id: string }) | undefined {
  const entries = Object.entries(tokens?.pageTokens ?? {}).map(([id, t]) => ({ id, ...t }));
  const hit = matchPage(entries, page);
  if (!hit || (typeof hit.expiresAt === 'number' && hit.expiresAt - now < 60_000)) return undefined;
  return hit;
}

/** Fetches the user's Pages and picks `page`; clear errors when it is missing or gives no token. */
export async function fetchPageToken(
  oauth: OAuthApi,
  user: Pick<StoredTokens, 'accessToken' | 'kind' | 'userId'>,
  page: string,
  now: number,
  signal?: AbortSignal,
): Promise<{ id: string; token: PageToken; userId: string }> {
  const userId = user.userId ?? (await oauth.me(user.accessToken, signal)).id;
  const pages = await oauth.pages(user.accessToken, userId, signal);
  const hit = matchPage(pages, page);
  if (!hit) throw pageNotFound(page, pages);
  if (!hit.accessToken) {
    throw new IgsqlError(
      'auth',
      `Page ${describePage(hit)} gave no Page token: your role on it (tasks ${hit.tasks.join(', ') || 'none'}) does not allow one. Ask a Page admin for a role with full control, or leave AuthenticateAsPage empty.`,
      { details: { property: 'AuthenticateAsPage' } },
    );
  }
  const token: PageToken = {
    accessToken: hit.accessToken,
    fetchedAt: now,
    ...(hit.name !== undefined ? { name: hit.name } : {}),
    ...(hit.instagramBusinessAccountId !== undefined ? { instagramBusinessAccountId: hit.instagramBusinessAccountId } : {}),
    ...(user.kind === 'long-lived' || user.kind === 'system-user' ? { expiresAt: null } : user.kind === 'short-lived' ? { expiresAt: now + 3600_000 } : {}),
  };
  return { id: hit.id, token, userId };
}

function pageNotFound(page: string, pages: readonly PageAccount[]): IgsqlError {
  const known = pages.length === 0 ? 'the user has no Pages (or the token lacks pages_show_list)' : `the user's Pages are ${pages.map(describePage).join(', ')}`;
  return new IgsqlError('config', `AuthenticateAsPage "${page}" matches no Page id or name: ${known}.`, { details: { property: 'AuthenticateAsPage' } });
}

function describePage(p: PageAccount): string {
  return p.name === undefined ? p.id : `"${p.name}" (${p.id})`;
}

/** `tokens` without the stored token of `page` (by id or name). */
export function dropPage(tokens: StoredTokens, page: string): StoredTokens {
  const pages = { ...tokens.pageTokens };
  for (const [id, t] of Object.entries(pages)) if (id === page || t.name?.toLowerCase() === page.toLowerCase()) delete pages[id];
  return { ...tokens, pageTokens: pages };
}

export interface PageTokenUse {
  id: string;
  accessToken: string;
  /** The stored tokens with the fetched Page token, when it was fetched. */
  tokens: StoredTokens | undefined;
}

/**
 * The token of `page` from the store, else fetched with the user token and stored (under the
 * store's lock, so concurrent callers fetch it once). `tokens` is the stored state after it.
 */
export async function pageTokenVia(
  store: TokenStore,
  oauth: OAuthApi,
  user: StoredTokens,
  page: string,
  now: number,
  signal?: AbortSignal,
): Promise<PageTokenUse> {
  const cached = storedPageToken(user, page, now);
  if (cached) return { id: cached.id, accessToken: cached.accessToken, tokens: undefined };
  return store.update<PageTokenUse>(async (current) => {
    const base = current ?? user;
    const again = storedPageToken(base, page, now);
    if (again) return { result: { id: again.id, accessToken: again.accessToken, tokens: undefined } };
    const fetched = await fetchPageToken(oauth, base, page, now, signal);
    const next: StoredTokens = { ...base, userId: fetched.userId, pageTokens: { ...base.pageTokens, [fetched.id]: fetched.token } };
    return { next, result: { id: fetched.id, accessToken: fetched.token.accessToken, tokens: next } };
  }, signal ? { signal } : {});
}
