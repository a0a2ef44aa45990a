/**
 * Facebook Login (for the Instagram API with Facebook Login): pure request builders.
 * Nothing here does I/O; oauth-client.ts sends these requests through an injected function.
 * Wire facts: shared/reference/graph-api.md §8.1.
 */
import { IgsqlError } from '../errors.js';

/**
 * The permissions igsql asks for by default, each needed by some view or procedure:
 * - instagram_basic: the IG user profile and its media (Media, InstagramBusinessProfile, Stories).
 * - instagram_manage_insights: MediaInsights, AccountInsights, AudienceInsights.
 * - instagram_manage_comments: Comments, Replies, mentions and tags.
 * - instagram_content_publish: the publishing procedures and content_publishing_limit.
 * - pages_show_list: /me/accounts, to find the Pages and their linked IG accounts.
 * - pages_read_engagement: reading a Page's instagram_business_account and its Page token.
 * - business_management: Pages owned through a Business portfolio (agencies), system users.
 * CData's embedded app also asks for ads_management, which no igsql view needs.
 */
export const DEFAULT_SCOPES: readonly string[] = Object.freeze([
  'instagram_basic',
  'instagram_manage_insights',
  'instagram_manage_comments',
  'instagram_content_publish',
  'pages_show_list',
  'pages_read_engagement',
  'business_management',
]);

/** The Graph hosts whose Login dialog lives on www.* (graph.facebook.com → www.facebook.com). */
const FACEBOOK_GRAPH_HOST = /^graph\.((?:[a-z0-9-]+\.)*facebook\.com)$/i;

export interface Endpoint {
  /** BaseURL: `https://graph.facebook.com`, or the sandbox's origin. No trailing slash needed. */
  baseUrl: string;
  /** Graph API version, `vNN.0`. */
  version: string;
}

/** Scopes from "a,b c" or a list: split on commas and spaces, trimmed, de-duplicated, in order. */
export function parseScopes(value: string | readonly string[] | undefined): string[] {
  const parts = typeof value === 'string' ? value.split(/[\s,]+/) : [...(value ?? [])];
  return [...new Set(parts.map((s) => s.trim()).filter((s) => s !== ''))];
}

/**
 * Where the Login dialog is served. For Facebook's Graph hosts it is the matching `www.` host
 * (`https://graph.facebook.com` → `https://www.facebook.com`); for any other BaseURL (the
 * sandbox, a test double, a reverse proxy) it is BaseURL itself, path included, because such a
 * server serves the dialog next to its Graph routes.
 */
export function dialogBase(baseUrl: string): string {
  const url = parseBase(baseUrl);
  const match = FACEBOOK_GRAPH_HOST.exec(url.hostname);
  if (match) return `${url.protocol}//www.${match[1]!.toLowerCase()}${url.port ? `:${url.port}` : ''}`;
  return url.href.replace(/\/+$/, '');
}

/** `<BaseURL>/<version>/<path>` with the given query parameters (empty values left out). */
export function graphUrl(endpoint: Endpoint, path: string, params: Record<string, string | undefined> = {}): URL {
  const base = parseBase(endpoint.baseUrl).href.replace(/\/+$/, '');
  const url = new URL(`${base}/${encodeURIComponent(endpoint.version)}/${path.replace(/^\/+/, '')}`);
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') url.searchParams.set(name, value);
  return url;
}

export interface AuthorizationUrlOptions extends Endpoint {
  clientId: string;
  redirectUri: string;
  state: string;
  /** Default {@link DEFAULT_SCOPES}. */
  scopes?: readonly string[];
  /** Default `code`. */
  responseType?: string;
  /** `rerequest` asks again for permissions the user declined earlier. */
  authType?: string;
}

/** The Login dialog: `https://www.facebook.com/vNN.0/dialog/oauth?client_id&redirect_uri&state&response_type&scope`. */
export function authorizationUrl(o: AuthorizationUrlOptions): URL {
  required({ OAuthClientId: o.clientId, CallbackURL: o.redirectUri });
  const url = new URL(`${dialogBase(o.baseUrl)}/${encodeURIComponent(o.version)}/dialog/oauth`);
  url.searchParams.set('client_id', o.clientId);
  url.searchParams.set('redirect_uri', o.redirectUri);
  url.searchParams.set('state', o.state);
  url.searchParams.set('response_type', o.responseType ?? 'code');
  url.searchParams.set('scope', parseScopes(o.scopes ?? DEFAULT_SCOPES).join(','));
  if (o.authType) url.searchParams.set('auth_type', o.authType);
  return url;
}

export interface AppCredentials extends Endpoint {
  clientId: string;
  clientSecret: string;
}

/** Code → user token: `GET /vNN.0/oauth/access_token?client_id&redirect_uri&client_secret&code`. */
export function codeExchangeUrl(o: AppCredentials & { redirectUri: string; code: string }): URL {
  required({ OAuthClientId: o.clientId, OAuthClientSecret: o.clientSecret, CallbackURL: o.redirectUri, OAuthVerifier: o.code });
  return graphUrl(o, 'oauth/access_token', { client_id: o.clientId, redirect_uri: o.redirectUri, client_secret: o.clientSecret, code: o.code });
}

/** Short- or long-lived user token → long-lived (about 60 days): `grant_type=fb_exchange_token`. */
export function longLivedExchangeUrl(o: AppCredentials & { accessToken: string }): URL {
  required({ OAuthClientId: o.clientId, OAuthClientSecret: o.clientSecret, OAuthAccessToken: o.accessToken });
  return graphUrl(o, 'oauth/access_token', {
    grant_type: 'fb_exchange_token',
    client_id: o.clientId,
    client_secret: o.clientSecret,
    fb_exchange_token: o.accessToken,
  });
}

/** The app token `{app-id}|{app-secret}` (for debug_token). */
export function appAccessToken(clientId: string, clientSecret: string): string {
  required({ OAuthClientId: clientId, OAuthClientSecret: clientSecret });
  return `${clientId}|${clientSecret}`;
}

/** `GET /debug_token?input_token&access_token` (access_token: the app token or an admin's token). */
export function debugTokenUrl(o: Endpoint & { inputToken: string; accessToken: string }): URL {
  return graphUrl(o, 'debug_token', { input_token: o.inputToken, access_token: o.accessToken });
}

/** The fields igsql reads from `/{user-id}/accounts`. */
export const PAGE_FIELDS = 'id,name,access_token,tasks,instagram_business_account{id,username}';

/** `GET /me?fields=id,name`. */
export function meUrl(o: Endpoint & { accessToken: string; appSecretProof?: string }): URL {
  return graphUrl(o, 'me', { fields: 'id,name', access_token: o.accessToken, appsecret_proof: o.appSecretProof });
}

/** `GET /{user-id}/accounts?fields=…&limit&after`: the Pages and their Page tokens. */
export function accountsUrl(o: Endpoint & { userId: string; accessToken: string; after?: string; limit?: number; appSecretProof?: string }): URL {
  return graphUrl(o, `${encodeURIComponent(o.userId)}/accounts`, {
    fields: PAGE_FIELDS,
    limit: String(o.limit ?? 100),
    after: o.after,
    access_token: o.accessToken,
    appsecret_proof: o.appSecretProof,
  });
}

function parseBase(baseUrl: string): URL {
  try {
    const url = new URL(baseUrl);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // fall through
  }
  throw new IgsqlError('config', `BaseURL "${baseUrl}" is not an http(s) URL, e.g. https://graph.facebook.com.`, { details: { property: 'BaseURL' } });
}

/** A `config` error naming every empty property the request needs. */
function required(values: Record<string, string>): void {
  const missing = Object.entries(values).filter(([, v]) => v === undefined || v === '').map(([k]) => k);
  if (missing.length > 0) {
    throw new IgsqlError('config', `This OAuth step needs ${missing.join(', ')}; set ${missing.length > 1 ? 'them' : 'it'} in the connection string.`, {
      details: { properties: missing },
    });
  }
}
