/**
 * `GET|POST /{version}/dialog/oauth` (and unversioned): the Facebook Login dialog.
 *
 * GET validates client_id and redirect_uri (problems → an HTML error page, no redirect, as Facebook
 * does) and shows the consent page (consent-page.ts); with `oauth.autoApprove` it redirects at once
 * as if Allow had been clicked. POST is the form: `__CONFIRM__` (Allow) redirects 302 to
 * `redirect_uri?code=…&state=…#_=_`; `__CANCEL__` (Deny) to `redirect_uri?error=access_denied&
 * error_code=200&error_description=Permissions+error&error_reason=user_denied&state=…#_=_`.
 * `response_type=token` (or `code token`) answers in the fragment with an access token;
 * `granted_scopes` adds `granted_scopes` / `denied_scopes`.
 */
import type { RequestContext, SandboxApp } from '../context.js';
import { reply, type GraphResponse } from '../http/reply.js';
import { consentPage, dialogErrorPage } from './consent-page.js';
import { issueLoginToken } from './login-tokens.js';
import { issueCode, oauthState, type OAuthApp } from './oauth-state.js';
import { parseAbsolute, redirectAllowed, redirectWith } from './redirect-uris.js';
import { grantedScopes, parseScopes } from './scopes.js';

const RESPONSE_TYPES = new Set(['code', 'token', 'granted_scopes']);

function errorPage(title: string, message: string): GraphResponse {
  return reply.html(dialogErrorPage(title, message), 400);
}

interface DialogRequest {
  readonly oauthApp: OAuthApp;
  readonly redirectUri: string;
  readonly responseTypes: ReadonlySet<string>;
  readonly granted: string[];
  readonly unknown: string[];
}

/** The checks Facebook makes before it shows the dialog; a GraphResponse is the error page. */
function validate(ctx: RequestContext): DialogRequest | GraphResponse {
  const p = ctx.params;
  const clientId = p['client_id'] ?? p['app_id'];
  if (clientId === undefined || clientId === '') return errorPage('Error', 'The parameter app_id is required');
  const oauthApp = oauthState(ctx.app).apps.get(clientId);
  if (oauthApp === undefined) return errorPage('Invalid App ID', `The provided app ID "${clientId}" does not look like a valid app ID.`);
  const redirectUri = p['redirect_uri'];
  if (redirectUri === undefined || redirectUri === '') return errorPage('Error', 'The parameter redirect_uri is required');
  if (parseAbsolute(redirectUri) === undefined) return errorPage('Error', "redirect_uri isn't an absolute URI. Check RFC 3986.");
  if (!redirectAllowed(oauthApp, redirectUri)) {
    return errorPage('URL Blocked', "This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings. Make sure Client and Web OAuth Login are on and add all your app domains as Valid OAuth Redirect URIs.");
  }
  const types = parseScopes(p['response_type'] ?? 'code');
  const bad = types.find((t) => !RESPONSE_TYPES.has(t));
  if (bad !== undefined || types.length === 0) {
    return errorPage('Error', `Invalid response_type "${p['response_type'] ?? ''}": use code, token or granted_scopes (space-separated).`);
  }
  if (!types.includes('code') && !types.includes('token')) types.push('code');
  return { oauthApp, redirectUri, responseTypes: new Set(types), ...grantedScopes(parseScopes(p['scope'])) };
}

function showConsent(ctx: RequestContext, request: DialogRequest): GraphResponse {
  const p = ctx.params;
  const users = ctx.app.data.world.users.map((u) => ({ id: u.id, name: u.name }));
  const html = consentPage({
    action: `/${ctx.version}/dialog/oauth`,
    appName: request.oauthApp.name,
    fields: {
      client_id: request.oauthApp.id, redirect_uri: request.redirectUri, response_type: [...request.responseTypes].join(' '),
      scope: p['scope'], state: p['state'],
    },
    granted: request.granted, unknown: request.unknown, users, redirectHost: new URL(request.redirectUri).host,
  });
  return reply.html(html);
}

function answer(ctx: RequestContext, request: DialogRequest, allow: boolean): GraphResponse {
  const p = ctx.params;
  const state = p['state'];
  if (!allow) {
    return reply.redirect(redirectWith(request.redirectUri, [
      ['error', 'access_denied'], ['error_code', '200'], ['error_description', 'Permissions error'], ['error_reason', 'user_denied'], ['state', state],
    ], 'query'));
  }
  const world = ctx.app.data.world;
  const userId = p['user_id'] ?? world.users[0]!.id;
  if (!world.users.some((u) => u.id === userId)) return errorPage('Error', `Unknown sandbox user "${userId}": choose one of ${world.users.map((u) => u.id).join(', ')}.`);
  const oauth = oauthState(ctx.app);
  const params: [string, string | undefined][] = [];
  if (request.responseTypes.has('code')) {
    const grant = issueCode(oauth, { clientId: request.oauthApp.id, redirectUri: request.redirectUri, userId, scopes: request.granted, createdMs: ctx.clock.now() });
    params.push(['code', grant.code]);
  }
  const fragment = request.responseTypes.has('token');
  if (fragment) {
    const token = issueLoginToken(ctx.app, { clientId: request.oauthApp.id, userId, scopes: request.granted });
    const now = Math.floor(ctx.clock.now() / 1000);
    params.push(['access_token', token.token], ['data_access_expiration_time', String(token.dataAccessExpiresAt)], ['expires_in', String(token.expiresAt - now)]);
  }
  if (request.responseTypes.has('granted_scopes')) params.push(['granted_scopes', request.granted.join(',')], ['denied_scopes', '']);
  params.push(['state', state]);
  return reply.redirect(redirectWith(request.redirectUri, params, fragment ? 'fragment' : 'query'));
}

function dialog(ctx: RequestContext): GraphResponse {
  const request = validate(ctx);
  if (!('oauthApp' in request)) return request;
  if (ctx.method === 'GET') return oauthState(ctx.app).autoApprove ? answer(ctx, request, true) : showConsent(ctx, request);
  if (ctx.params['__CONFIRM__'] !== undefined) return answer(ctx, request, true);
  if (ctx.params['__CANCEL__'] !== undefined) return answer(ctx, request, false);
  return showConsent(ctx, request);
}

export function installDialog(app: SandboxApp): void {
  app.router.get('/dialog/oauth', dialog, { auth: false });
  app.router.post('/dialog/oauth', dialog, { auth: false });
}
