import { isIPv4 } from 'node:net';
import { IgsqlError } from '../errors.js';
import { type Credentials, type FirewallEndpoint, type ProxyEndpoint, type ProxySslType, hostPort } from './network-options.js';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Does `host[:port]` match a bypass list? Used for ProxyExceptions (`;`-separated) and NO_PROXY
 * (`,`- or space-separated). An entry is `*` (everything), a host with `*` wildcards
 * (`*.corp.local`, `10.*`), a plain name that also matches its subdomains (`corp.local` matches
 * `api.corp.local`; `.corp.local` likewise), an optional `:port`, or an IPv4 CIDR (`10.0.0.0/8`).
 */
export function createHostMatcher(entries: readonly string[]): (host: string, port: number) => boolean {
  const rules = entries.map((e) => e.trim().toLowerCase()).filter((e) => e !== '').map(parseEntry);
  return (rawHost, port) => {
    const host = rawHost.toLowerCase().replace(/^\[|\]$/g, '');
    return rules.some((rule) => (rule.port === undefined || rule.port === port) && rule.test(host));
  };
}

interface Rule {
  port: number | undefined;
  test(host: string): boolean;
}

function parseEntry(entry: string): Rule {
  if (entry === '*') return { port: undefined, test: () => true };
  let pattern = entry.replace(/^[a-z]+:\/\//, '');
  let port: number | undefined;
  const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(pattern);
  if (m) {
    pattern = m[1]!;
    port = Number(m[2]);
  }
  pattern = pattern.replace(/^\[|\]$/g, '');
  const cidr = /^(\d+\.\d+\.\d+\.\d+)\/(\d{1,2})$/.exec(pattern);
  if (cidr) {
    const base = ipv4ToInt(cidr[1]!);
    const bits = Number(cidr[2]);
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    return { port, test: (host) => isIPv4(host) && ((ipv4ToInt(host) & mask) >>> 0) === ((base & mask) >>> 0) };
  }
  if (pattern.includes('*')) {
    const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return { port, test: (host) => re.test(host) };
  }
  const bare = pattern.replace(/^\./, '');
  return { port, test: (host) => host === bare || host.endsWith(`.${bare}`) };
}

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => ((acc << 8) | Number(part)) >>> 0, 0);
}

/** ProxyExceptions: `;`-separated (commas tolerated). */
export function splitExceptions(text: string | undefined): string[] {
  return (text ?? '').split(/[;,]/).map((s) => s.trim()).filter((s) => s !== '');
}

/** Environment variable lookup: lower case first (curl's rule), then upper case. */
export function envVar(env: Env, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export interface EnvProxies {
  http: ProxyEndpoint | FirewallEndpoint | undefined;
  https: ProxyEndpoint | FirewallEndpoint | undefined;
  noProxy: string[];
}

/**
 * ProxyAutoDetect: HTTPS_PROXY (then HTTP_PROXY) for https targets, HTTP_PROXY for http targets,
 * NO_PROXY for the bypass list; each in lower or upper case. `http://` and `https://` proxy URLs
 * are HTTP proxies (credentials in the URL mean Basic auth); `socks4://`, `socks5://` and
 * `socks5h://` URLs are SOCKS firewalls.
 */
export function proxiesFromEnv(env: Env, mode: ProxySslType): EnvProxies {
  const httpsUrl = envVar(env, 'https_proxy') ?? envVar(env, 'http_proxy');
  const httpUrl = envVar(env, 'http_proxy');
  const noProxy = (envVar(env, 'no_proxy') ?? '').split(/[,\s]+/).filter((s) => s !== '');
  return {
    https: httpsUrl === undefined ? undefined : parseProxyUrl(httpsUrl, mode),
    http: httpUrl === undefined ? undefined : parseProxyUrl(httpUrl, mode),
    noProxy,
  };
}

function parseProxyUrl(text: string, mode: ProxySslType): ProxyEndpoint | FirewallEndpoint {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    throw new IgsqlError('config', `ProxyAutoDetect: the proxy environment variable holds "${text.replace(/\/\/[^@/]*@/, '//***@')}", which is not a proxy URL like http://proxy.corp:3128.`, {
      details: { property: 'ProxyAutoDetect' },
    });
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const creds: Credentials | undefined = url.username || url.password ? { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } : undefined;
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  if (scheme.startsWith('socks')) {
    const type = scheme === 'socks4' || scheme === 'socks4a' ? 'SOCKS4' : 'SOCKS5';
    const port = Number(url.port || 1080);
    return { type, host, port, credentials: creds, label: `${type} firewall ${hostPort(host, port)} (from the environment)` };
  }
  if (scheme !== 'http' && scheme !== 'https') {
    throw new IgsqlError('config', `ProxyAutoDetect: unsupported proxy URL scheme "${scheme}:" in the environment; use http://, https://, socks4:// or socks5://.`, {
      details: { property: 'ProxyAutoDetect' },
    });
  }
  const tls = scheme === 'https';
  const port = Number(url.port || (tls ? 443 : 80));
  return { host, port, tls, mode: tls ? 'ALWAYS' : mode, credentials: creds, label: `HTTP proxy ${hostPort(host, port)} (from the environment)`, source: 'environment' };
}
