/**
 * The `oauth` and `publishing` knobs of `startSandbox`, their defaults and validation. Kept here (not
 * in options.ts) so the stage-2 edit there stays two fields and two calls.
 *
 *   oauth: {
 *     autoApprove: false,            // /dialog/oauth redirects at once, as if Allow were clicked
 *     redirectUris: undefined,       // the sandbox app's Valid OAuth Redirect URIs; default: any
 *                                    //   http(s)://localhost:*, 127.0.0.1:* or [::1]:* URL
 *     requireAppSecretProof: false,  // "Require App Secret" for the sandbox app
 *     codeExchangeExpiresIn: 7200,   // expires_in of the code exchange (e.g. 5183976 as some apps see)
 *     apps: [],                      // more registered apps (own id, secret, name, redirect URIs, proof)
 *   }
 *   publishing: { videoProcessingSeconds: 30, containersPerDay: 400 }
 */
import { IgsqlError } from '../../errors.js';

export interface OAuthAppOptions {
  /** Numeric app id (default: generated). */
  id?: string;
  /** App secret (default: generated, 32 hex digits). */
  secret?: string;
  name: string;
  /** Valid OAuth Redirect URIs (exact match); default: any localhost URL. */
  redirectUris?: readonly string[];
  requireAppSecretProof?: boolean;
}

export interface OAuthOptions {
  autoApprove?: boolean;
  redirectUris?: readonly string[];
  requireAppSecretProof?: boolean;
  /** `expires_in` (seconds) of tokens from the code exchange; 86400 or more makes them long-lived. */
  codeExchangeExpiresIn?: number;
  apps?: readonly OAuthAppOptions[];
}

export interface PublishingOptions {
  /** How long a video or reel container stays IN_PROGRESS (sandbox clock), default 30. Images are ready at once. */
  videoProcessingSeconds?: number;
  /** Containers an account may create per rolling 24 hours (Meta: 400). */
  containersPerDay?: number;
}

export interface ResolvedOAuthOptions {
  autoApprove: boolean;
  readonly redirectUris: readonly string[] | undefined;
  requireAppSecretProof: boolean;
  codeExchangeExpiresIn: number;
  readonly apps: readonly ResolvedAppOptions[];
}

export interface ResolvedAppOptions {
  readonly id: string | undefined;
  readonly secret: string | undefined;
  readonly name: string;
  readonly redirectUris: readonly string[] | undefined;
  readonly requireAppSecretProof: boolean;
}

export interface ResolvedPublishingOptions {
  videoProcessingSeconds: number;
  containersPerDay: number;
}

function usage(message: string): IgsqlError {
  return new IgsqlError('usage', `startSandbox: ${message}`);
}

function redirectList(name: string, value: readonly string[] | undefined): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw usage(`${name} must be an array of absolute http(s) URLs`);
  return value.map((uri, i) => {
    let url: URL | undefined;
    try {
      url = typeof uri === 'string' ? new URL(uri) : undefined;
    } catch {
      url = undefined;
    }
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw usage(`${name}[${i}] must be an absolute http(s) URL such as http://localhost:8080/callback, got ${JSON.stringify(uri)}`);
    }
    return uri;
  });
}

function positiveInteger(name: string, value: number | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) throw usage(`${name} must be an integer of at least ${min}, got ${String(value)}`);
  return value;
}

export function resolveOAuthOptions(options: OAuthOptions = {}): ResolvedOAuthOptions {
  const apps = (options.apps ?? []).map((app, i): ResolvedAppOptions => {
    const where = `oauth.apps[${i}]`;
    if (typeof app?.name !== 'string' || app.name.trim() === '') throw usage(`${where}.name must be a non-empty string`);
    if (app.id !== undefined && !/^\d{5,20}$/.test(app.id)) throw usage(`${where}.id must be a numeric string (5 to 20 digits), got ${JSON.stringify(app.id)}`);
    if (app.secret !== undefined && !/^[A-Za-z0-9]{8,64}$/.test(app.secret)) throw usage(`${where}.secret must be 8 to 64 letters or digits`);
    return {
      id: app.id, secret: app.secret, name: app.name, redirectUris: redirectList(`${where}.redirectUris`, app.redirectUris),
      requireAppSecretProof: app.requireAppSecretProof ?? false,
    };
  });
  const ids = apps.map((a) => a.id).filter((id) => id !== undefined);
  if (new Set(ids).size !== ids.length) throw usage('oauth.apps ids must be unique');
  return {
    autoApprove: options.autoApprove ?? false,
    redirectUris: redirectList('oauth.redirectUris', options.redirectUris),
    requireAppSecretProof: options.requireAppSecretProof ?? false,
    codeExchangeExpiresIn: positiveInteger('oauth.codeExchangeExpiresIn', options.codeExchangeExpiresIn, 7200, 60),
    apps,
  };
}

export function resolvePublishingOptions(options: PublishingOptions = {}): ResolvedPublishingOptions {
  return {
    videoProcessingSeconds: positiveInteger('publishing.videoProcessingSeconds', options.videoProcessingSeconds, 30, 0),
    containersPerDay: positiveInteger('publishing.containersPerDay', options.containersPerDay, 400),
  };
}
