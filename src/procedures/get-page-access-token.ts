/**
 * GetPageAccessToken: Page tokens through the user token (`/me` → `/{user-id}/accounts`). A Page
 * token made from a long-lived user token does not expire, which makes it the simplest token to
 * keep on a server (OAuthAccessToken=<page token>, or AuthenticateAsPage on the user token).
 */
import { IgsqlError } from '../errors.js';
import { matchPage } from '../auth/index.js';
import { defineProcedure } from './define-procedure.js';
import type { ProcedureApi, ProcedureAuth } from './procedure-api.js';
import { expiresIn } from './token-result.js';

export const GET_PAGE_ACCESS_TOKEN = defineProcedure<ProcedureApi>({
  name: 'GetPageAccessToken',
  description:
    "The Page access tokens of the connection's user, one row per Page (or only PageId's), with the Instagram account linked to each. " +
    'From a long-lived user token they do not expire (ExpiresIn -1). Needs pages_show_list and a Page role that grants a token.',
  parameters: [{ name: 'PageId', type: 'String', description: 'The Page (id or name); default: every Page of the user.', required: false }],
  resultColumns: [
    { name: 'PageId', type: 'String', description: 'The Facebook Page id.' },
    { name: 'PageName', type: 'String', description: 'The Page name.' },
    { name: 'InstagramBusinessAccountId', type: 'String', description: 'The Instagram professional account linked to the Page, or NULL.' },
    { name: 'PageAccessToken', type: 'String', description: 'The Page token (NULL when your role on the Page grants none).', sensitive: true },
    { name: 'ExpiresIn', type: 'Integer', description: 'Seconds until the Page token expires; -1 when it does not expire; NULL when unknown.' },
  ],
  examples: [
    { description: 'Every Page and its token', sql: 'EXEC GetPageAccessToken' },
    { description: 'One Page', sql: "EXEC GetPageAccessToken PageId = '1021...'" },
  ],
  async run(args, { api, signal }) {
    const { auth } = api;
    const user = await auth.userToken(signal);
    const me = await auth.oauth.me(user, signal);
    let pages = await auth.oauth.pages(user, me.id, signal);
    const wanted = typeof args['PageId'] === 'string' ? args['PageId'].trim() : '';
    if (wanted !== '') {
      const hit = matchPage(pages, wanted);
      if (!hit) {
        const known = pages.length === 0 ? 'the user has no Pages (or the token lacks pages_show_list)' : `the user's Pages are ${pages.map((p) => `${p.name ?? '?'} (${p.id})`).join(', ')}`;
        throw new IgsqlError('usage', `GetPageAccessToken: PageId "${wanted}" matches no Page id or name: ${known}.`, { details: { parameter: 'PageId' } });
      }
      pages = [hit];
    }
    const expiry = await pageExpiry(auth, pages.find((p) => p.accessToken)?.accessToken, signal);
    return pages.map((p) => ({
      PageId: p.id,
      PageName: p.name ?? null,
      InstagramBusinessAccountId: p.instagramBusinessAccountId ?? null,
      PageAccessToken: p.accessToken ?? null,
      ExpiresIn: p.accessToken ? expiry : null,
    }));
  },
});

/** Page tokens of one user token share its lifetime: one debug_token tells it (NULL when it cannot be asked). */
async function pageExpiry(auth: ProcedureAuth, token: string | undefined, signal: AbortSignal): Promise<number | null> {
  if (token === undefined) return null;
  try {
    return expiresIn((await auth.debugToken(token, signal)).expiresAt, auth.now());
  } catch (err) {
    if (IgsqlError.is(err) && err.code === 'cancelled') throw err;
    return null;
  }
}
