/**
 * Where the OAuth settings (tokens, expiry, page tokens) live: OAuthSettingsLocation resolved to
 * a file path or a `memory://name`.
 *
 * Empty (the default): one file per Facebook app under the user's config directory,
 * `<config>/igsql/oauth-<OAuthClientId>.json`. The token belongs to (app, user), not to an
 * Instagram account: one user token reaches every business account of that user, and
 * BusinessAccountId only picks one of them, so it is not part of the name. Two apps never share
 * a file, and therefore never share a lock.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { IgsqlError } from '../errors.js';

export type SettingsLocation = { kind: 'file'; path: string } | { kind: 'memory'; name: string };

export interface LocationContext {
  /** OAuthClientId, names the default file. */
  appId?: string;
  env?: Readonly<Record<string, string | undefined>>;
  platform?: NodeJS.Platform;
  home?: string;
  cwd?: string;
}

/**
 * The connection-string catalog's default text. It stands for "the default": treated like an
 * empty value, so the per-app file name applies.
 */
export const CATALOG_DEFAULT_LOCATION = '%APPDATA%/igsql/OAuthSettings.json';

const MEMORY_PREFIX = /^memory:\/\//i;

/** The config directory: $XDG_CONFIG_HOME or ~/.config, ~/Library/Application Support, %APPDATA%. */
export function configDirectory(ctx: LocationContext = {}): string {
  const env = ctx.env ?? process.env;
  const platform = ctx.platform ?? process.platform;
  const home = ctx.home ?? env['HOME'] ?? homedir();
  if (platform === 'win32') return env['APPDATA'] || join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  const xdg = env['XDG_CONFIG_HOME'];
  // The XDG spec says to ignore a relative XDG_CONFIG_HOME.
  return xdg && xdg.startsWith('/') ? xdg : join(home, '.config');
}

/** `oauth-<app id>.json` (`oauth-default.json` without an app id); unsafe characters become `_`. */
export function defaultSettingsFileName(appId: string | undefined): string {
  const id = (appId ?? '').trim().replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '_');
  return `oauth-${id === '' ? 'default' : id}.json`;
}

/** Resolves an OAuthSettingsLocation value (see the module comment). */
export function resolveSettingsLocation(value: string | undefined, ctx: LocationContext = {}): SettingsLocation {
  const text = (value ?? '').trim();
  if (MEMORY_PREFIX.test(text)) {
    const name = text.replace(MEMORY_PREFIX, '');
    if (name === '') {
      throw new IgsqlError('config', 'OAuthSettingsLocation "memory://" needs a name, e.g. memory://main (connections using the same name share tokens).', {
        details: { property: 'OAuthSettingsLocation' },
      });
    }
    return { kind: 'memory', name };
  }
  if (text === '' || text.replace(/\\/g, '/') === CATALOG_DEFAULT_LOCATION) {
    return { kind: 'file', path: join(configDirectory(ctx), 'igsql', defaultSettingsFileName(ctx.appId)) };
  }
  const path = resolve(ctx.cwd ?? process.cwd(), expandPath(text, ctx));
  // A directory (written with a trailing separator) holds the per-app default file.
  return { kind: 'file', path: /[\\/]$/.test(text) ? join(path, defaultSettingsFileName(ctx.appId)) : path };
}

/** Expands a leading `~` and `%APPDATA%` (the config directory on every platform). */
export function expandPath(text: string, ctx: LocationContext = {}): string {
  const env = ctx.env ?? process.env;
  const home = ctx.home ?? env['HOME'] ?? homedir();
  let out = text.replace(/%APPDATA%/gi, () => configDirectory(ctx));
  if (out === '~' || out.startsWith('~/') || out.startsWith('~\\')) out = home + out.slice(1);
  return out;
}

/** How a location is shown in messages: the path or memory://name (never a secret). */
export function describeLocation(location: SettingsLocation): string {
  return location.kind === 'file' ? location.path : `memory://${location.name}`;
}
