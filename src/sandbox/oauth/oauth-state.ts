/**
 * What the OAuth endpoints remember: the registered apps (the sandbox app plus `oauth.apps`) with
 * their secrets, redirect URIs and "Require App Secret" switch, and the authorization codes the
 * dialog handed out (single use, 10 minutes, bound to client_id + redirect_uri). Lives in
 * `app.state` under `oauth`; tests may flip `requireAppSecretProof` or `autoApprove` at run time.
 */
import { randomBytes } from 'node:crypto';
import type { SandboxApp } from '../context.js';
import { hashKeys } from '../data/rng.js';

export interface OAuthApp {
  readonly id: string;
  readonly secret: string;
  readonly name: string;
  /** Valid OAuth Redirect URIs (exact match); undefined = any localhost URL. */
  redirectUris: readonly string[] | undefined;
  requireAppSecretProof: boolean;
  /** Users who are admins or developers of the app (their tokens may inspect any token of it). */
  readonly adminUserIds: ReadonlySet<string>;
}

export interface CodeGrant {
  readonly code: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly createdMs: number;
  usedAtMs: number | undefined;
}

export interface OAuthState {
  readonly apps: Map<string, OAuthApp>;
  readonly codes: Map<string, CodeGrant>;
  /** Skip the consent page: the dialog redirects with a code at once. */
  autoApprove: boolean;
  /** `expires_in` of tokens from the code exchange, seconds. */
  codeExchangeExpiresIn: number;
}

/** Codes expire 10 minutes after the dialog issued them (Facebook Login; IG Login: 1 hour). */
export const CODE_LIFETIME_MS = 10 * 60_000;
const CODE_MEMORY_MS = 24 * 3600_000;
const STATE_KEY = 'oauth';

function secretFor(seed: number, index: number): string {
  let hex = '';
  for (let i = 0; hex.length < 32; i++) hex += hashKeys([seed, 'oauth-app-secret', index, i]).toString(16).padStart(8, '0');
  return hex.slice(0, 32);
}

/** Builds the state from the options, registers each extra app's `id|secret` token and hides its secret from the request log. */
export function createOAuthState(app: SandboxApp): OAuthState {
  const { world } = app.data;
  const options = app.options.oauth;
  const admins = new Set([world.users[0]!.id, ...world.systemUsers.map((u) => u.id)]);
  const apps = new Map<string, OAuthApp>();
  apps.set(world.app.id, {
    id: world.app.id, secret: world.app.secret, name: world.app.name, redirectUris: options.redirectUris,
    requireAppSecretProof: options.requireAppSecretProof, adminUserIds: admins,
  });
  options.apps.forEach((spec, i) => {
    const id = spec.id ?? world.ids.encode('app', i + 1);
    const secret = spec.secret ?? secretFor(world.seed, i + 1);
    apps.set(id, { id, secret, name: spec.name, redirectUris: spec.redirectUris, requireAppSecretProof: spec.requireAppSecretProof, adminUserIds: admins });
    app.tokens.issue({ type: 'APP', appId: id, literal: `${id}|${secret}` });
    app.log.addSecret(secret);
  });
  const state: OAuthState = { apps, codes: new Map(), autoApprove: options.autoApprove, codeExchangeExpiresIn: options.codeExchangeExpiresIn };
  app.state.set(STATE_KEY, state);
  return state;
}

export function oauthState(app: SandboxApp): OAuthState {
  const state = app.state.get(STATE_KEY) as OAuthState | undefined;
  if (state === undefined) throw new Error('the OAuth feature is not installed (installOAuth)');
  return state;
}

/** A new single-use authorization code (`AQ…`, like Facebook's). */
export function issueCode(state: OAuthState, grant: Omit<CodeGrant, 'code' | 'usedAtMs'>): CodeGrant {
  for (const [code, old] of state.codes) if (old.createdMs < grant.createdMs - CODE_MEMORY_MS) state.codes.delete(code);
  const code = `AQ${randomBytes(96).toString('base64url')}`;
  const record: CodeGrant = { ...grant, code, usedAtMs: undefined };
  state.codes.set(code, record);
  return record;
}
