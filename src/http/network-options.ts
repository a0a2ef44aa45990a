import { IgsqlError } from '../errors.js';

/**
 * The connection properties the network layer reads, under their CData names, so the resolved
 * `ConnectionProperties` can be passed straight in. Every key is optional; defaults follow CData.
 */
export interface NetworkOptions {
  ProxyAutoDetect?: boolean | undefined;
  ProxyServer?: string | undefined;
  ProxyPort?: number | undefined;
  ProxyAuthScheme?: string | undefined;
  ProxyUser?: string | undefined;
  ProxyPassword?: string | undefined;
  ProxySSLType?: string | undefined;
  ProxyExceptions?: string | undefined;
  FirewallType?: string | undefined;
  FirewallServer?: string | undefined;
  FirewallPort?: number | undefined;
  FirewallUser?: string | undefined;
  FirewallPassword?: string | undefined;
  SSLServerCert?: string | undefined;
  /** Seconds; 0 = no timeout. Default 60. */
  Timeout?: number | undefined;
  MaxConcurrentRequests?: number | undefined;
}

export const PROXY_SSL_TYPES = ['AUTO', 'ALWAYS', 'NEVER', 'TUNNEL'] as const;
export type ProxySslType = (typeof PROXY_SSL_TYPES)[number];
export const PROXY_AUTH_SCHEMES = ['BASIC', 'NONE', 'DIGEST', 'NTLM', 'NEGOTIATE', 'PROPRIETARY'] as const;
export const FIREWALL_TYPES = ['NONE', 'TUNNEL', 'SOCKS4', 'SOCKS5'] as const;
export type FirewallKind = Exclude<(typeof FIREWALL_TYPES)[number], 'NONE'>;

export interface Credentials {
  user: string;
  password: string;
}

/** An HTTP proxy, from ProxyServer/ProxyPort or from the environment (ProxyAutoDetect). */
export interface ProxyEndpoint {
  host: string;
  port: number;
  /** TLS between igsql and the proxy itself (ProxySSLType=ALWAYS, or an `https://` proxy URL). */
  tls: boolean;
  mode: ProxySslType;
  credentials: Credentials | undefined;
  /** For messages: "HTTP proxy proxy.corp:3128". */
  label: string;
  source: 'ProxyServer' | 'environment';
}

export interface FirewallEndpoint {
  type: FirewallKind;
  host: string;
  port: number;
  credentials: Credentials | undefined;
  label: string;
}

export function enumOption<T extends string>(property: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value.trim() === '') return fallback;
  const upper = value.trim().toUpperCase();
  const found = allowed.find((a) => a === upper);
  if (found === undefined) {
    throw new IgsqlError('config', `${property} must be one of ${allowed.join(', ')}, not "${value}".`, { details: { property } });
  }
  return found;
}

export function portOption(property: string, value: number | undefined, fallback: number): number {
  if (value === undefined || value === 0) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new IgsqlError('config', `${property} must be a TCP port from 1 to 65535, not ${String(value)}.`, { details: { property } });
  }
  return value;
}

/** Timeout in milliseconds (0 = none). */
export function timeoutMs(options: NetworkOptions): number {
  const t = options.Timeout ?? 60;
  if (!Number.isFinite(t) || t < 0) {
    throw new IgsqlError('config', `Timeout must be a number of seconds, 0 or more (0 = no timeout), not ${String(t)}.`, { details: { property: 'Timeout' } });
  }
  return Math.round(t * 1000);
}

export function credentials(user: string | undefined, password: string | undefined): Credentials | undefined {
  if (!user && !password) return undefined;
  return { user: user ?? '', password: password ?? '' };
}

/** "host:port", bracketing IPv6 literals. */
export function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}
