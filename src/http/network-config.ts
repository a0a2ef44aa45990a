import { IgsqlError } from '../errors.js';
import {
  FIREWALL_TYPES, PROXY_AUTH_SCHEMES, PROXY_SSL_TYPES, type FirewallEndpoint, type NetworkOptions, type ProxyEndpoint,
  credentials, enumOption, hostPort, portOption, timeoutMs,
} from './network-options.js';
import { type Env, createHostMatcher, proxiesFromEnv, splitExceptions } from './proxy-rules.js';

/** How one request reaches its origin. */
export type Route =
  | { kind: 'direct'; firewall: FirewallEndpoint | undefined }
  /** HTTP CONNECT through the proxy, TLS end to end. */
  | { kind: 'tunnel'; proxy: ProxyEndpoint; firewall: FirewallEndpoint | undefined }
  /** The request is sent to the proxy with an absolute URI; the proxy talks to the origin. */
  | { kind: 'forward'; proxy: ProxyEndpoint; firewall: FirewallEndpoint | undefined };

export interface NetworkConfig {
  routeFor(protocol: string, host: string, port: number): Route;
  /** The proxies that `forward` routes send requests to (so their connections are not routed again). */
  proxies: ProxyEndpoint[];
  firewall: FirewallEndpoint | undefined;
  timeoutMs: number;
  /** Bound on opening a connection (TCP, SOCKS, CONNECT, TLS): Timeout, or 30 s when Timeout=0. */
  connectTimeoutMs: number;
  /** Things worth a warning in the log (ignored properties …). */
  warnings: string[];
}

export function resolveNetworkConfig(options: NetworkOptions, env: Env = process.env): NetworkConfig {
  const warnings: string[] = [];
  const mode = enumOption('ProxySSLType', options.ProxySSLType, PROXY_SSL_TYPES, 'AUTO');
  const firewall = resolveFirewall(options);
  const exceptions = splitExceptions(options.ProxyExceptions);
  let httpProxy: ProxyEndpoint | FirewallEndpoint | undefined;
  let httpsProxy: ProxyEndpoint | FirewallEndpoint | undefined;
  if (options.ProxyAutoDetect === true) {
    if (options.ProxyServer) warnings.push('ProxyAutoDetect=true: ProxyServer is ignored; the proxy comes from HTTPS_PROXY / HTTP_PROXY.');
    const fromEnv = proxiesFromEnv(env, mode);
    httpProxy = fromEnv.http;
    httpsProxy = fromEnv.https;
    exceptions.push(...fromEnv.noProxy);
  } else if (options.ProxyServer && options.ProxyServer.trim() !== '') {
    httpProxy = httpsProxy = resolveProxy(options, mode);
  }
  if (httpProxy !== undefined || httpsProxy !== undefined) checkAuthScheme(options);
  const bypass = createHostMatcher(exceptions);
  const t = timeoutMs(options);
  const isProxy = (e: ProxyEndpoint | FirewallEndpoint | undefined): e is ProxyEndpoint => e !== undefined && 'mode' in e;
  return {
    proxies: [httpProxy, httpsProxy].filter(isProxy),
    firewall,
    timeoutMs: t,
    connectTimeoutMs: t > 0 ? t : 30_000,
    warnings,
    routeFor(protocol, host, port) {
      const endpoint = protocol === 'https:' ? httpsProxy : httpProxy;
      if (endpoint === undefined || bypass(host, port)) return { kind: 'direct', firewall };
      if (!isProxy(endpoint)) return { kind: 'direct', firewall: endpoint };
      const tunnel = protocol === 'https:' ? endpoint.mode !== 'NEVER' : endpoint.mode === 'TUNNEL';
      return { kind: tunnel ? 'tunnel' : 'forward', proxy: endpoint, firewall };
    },
  };
}

function resolveProxy(options: NetworkOptions, mode: ProxyEndpoint['mode']): ProxyEndpoint {
  let server = options.ProxyServer!.trim();
  let tls = mode === 'ALWAYS';
  let port = options.ProxyPort;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(server);
  if (scheme) {
    const s = scheme[1]!.toLowerCase();
    if (s !== 'http' && s !== 'https') {
      throw new IgsqlError('config', `ProxyServer takes an HTTP proxy host name; "${s}://" proxies go in FirewallType/FirewallServer (SOCKS4, SOCKS5).`, {
        details: { property: 'ProxyServer' },
      });
    }
    if (s === 'https') tls = true;
    server = server.slice(scheme[0].length).replace(/\/.*$/, '');
  }
  const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(server);
  if (withPort) {
    server = withPort[1]!;
    port ??= Number(withPort[2]);
  }
  const host = server.replace(/^\[|\]$/g, '');
  const p = portOption('ProxyPort', port, 80);
  const auth = enumOption('ProxyAuthScheme', options.ProxyAuthScheme, PROXY_AUTH_SCHEMES, 'BASIC');
  return {
    host,
    port: p,
    tls,
    mode: tls ? 'ALWAYS' : mode,
    credentials: auth === 'NONE' ? undefined : credentials(options.ProxyUser, options.ProxyPassword),
    label: `HTTP proxy ${hostPort(host, p)}`,
    source: 'ProxyServer',
  };
}

function checkAuthScheme(options: NetworkOptions): void {
  const auth = enumOption('ProxyAuthScheme', options.ProxyAuthScheme, PROXY_AUTH_SCHEMES, 'BASIC');
  if (auth !== 'BASIC' && auth !== 'NONE') {
    throw new IgsqlError(
      'unsupported',
      `ProxyAuthScheme=${auth} is not supported yet: igsql authenticates to proxies with BASIC (ProxyUser/ProxyPassword) or NONE. ` +
        'If your proxy accepts Basic, set ProxyAuthScheme=BASIC.',
      { details: { property: 'ProxyAuthScheme' } },
    );
  }
}

function resolveFirewall(options: NetworkOptions): FirewallEndpoint | undefined {
  const type = enumOption('FirewallType', options.FirewallType, FIREWALL_TYPES, 'NONE');
  if (type === 'NONE') return undefined;
  const host = (options.FirewallServer ?? '').trim().replace(/^\[|\]$/g, '');
  if (host === '') {
    throw new IgsqlError('config', `FirewallType=${type} needs FirewallServer (the firewall's host name or IP address).`, { details: { property: 'FirewallServer' } });
  }
  const port = portOption('FirewallPort', options.FirewallPort, type === 'TUNNEL' ? 80 : 1080);
  const label = type === 'TUNNEL' ? `TUNNEL firewall ${hostPort(host, port)}` : `${type} firewall ${hostPort(host, port)}`;
  return { type, host, port, credentials: credentials(options.FirewallUser, options.FirewallPassword), label };
}
