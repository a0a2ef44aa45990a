import diagnostics from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import type { buildConnector, Dispatcher } from 'undici';
import { IgsqlError } from '../errors.js';
import { type Logger, silentLogger } from '../logging/logger.js';
import { maskUrl } from '../logging/mask.js';
import { type Route, resolveNetworkConfig } from './network-config.js';
import { type FirewallEndpoint, type NetworkOptions, type ProxyEndpoint, hostPort } from './network-options.js';
import type { Env } from './proxy-rules.js';
import { type TlsPolicy, createTlsPolicy, describePeer } from './tls-policy.js';
import { type Target, httpConnect, socksConnect, tcpConnect } from './tunnel.js';
import { Agent, buildConnector as makeConnector } from './undici.js';

export type { NetworkOptions } from './network-options.js';

/** Not connection properties: test and embedding hooks. */
export interface DispatcherContext {
  /** Environment for ProxyAutoDetect (default process.env). */
  env?: Env;
  /** Extra trust anchors (PEM) for the system store, e.g. a test CA for an HTTPS proxy. */
  extraCa?: string[];
}

/** An undici Dispatcher that knows its routes (for messages and logs) and counts its connections. */
export type IgsqlDispatcher = Dispatcher & {
  readonly network: {
    /** "direct", "tunnel through HTTP proxy p:3128", "forward to HTTP proxy p:3128 via SOCKS5 firewall f:1080" … */
    describeRoute(url: string | URL): string;
    route(url: string | URL): Route;
    /** Connections opened so far. */
    readonly connections: number;
    readonly tls: TlsPolicy['description'];
    readonly timeoutMs: number;
  };
};

/**
 * THE one place proxies, firewalls and TLS are handled. Every connection igsql opens is built
 * here: direct, through an HTTP proxy (CONNECT tunnel or absolute-URI forwarding, per
 * ProxySSLType), through a TUNNEL/SOCKS4/SOCKS5 firewall, or firewall → proxy chained; then TLS
 * verified against the system store or the SSLServerCert pin. One undici Agent: one pool per origin.
 */
export function createDispatcher(options: NetworkOptions, logger: Logger = silentLogger, context: DispatcherContext = {}): IgsqlDispatcher {
  const config = resolveNetworkConfig(options, context.env ?? process.env);
  const policy = createTlsPolicy(options.SSLServerCert, context.extraCa);
  const proxyPolicy = createTlsPolicy(undefined, context.extraCa);
  const log = { proxy: logger.module('proxy'), tls: logger.module('tls'), transport: logger.module('transport') };
  for (const w of config.warnings) log.proxy.warn({}, w);
  if (policy.kind === 'any') log.tls.warn({}, 'SSLServerCert=* accepts ANY server certificate: connections can be intercepted. Pin the certificate instead.');
  if (options.SSLServerCert && config.proxies.some((p) => p.mode === 'NEVER')) {
    log.tls.warn({}, 'ProxySSLType=NEVER: the proxy makes the TLS connection to the server, so SSLServerCert cannot be checked by igsql.');
  }

  // TLS connectors are built on first use (the system trust store is parsed then, see tls-policy.ts)
  let targetConnector: buildConnector.connector | undefined;
  let proxyConnector: buildConnector.connector | undefined;
  const targetTls: buildConnector.connector = (o, cb) => (targetConnector ??= makeConnector({ ...policy.connectOptions, maxCachedSessions: 0, timeout: config.connectTimeoutMs }))(o, cb);
  const proxyTls: buildConnector.connector = (o, cb) => (proxyConnector ??= makeConnector({ ...proxyPolicy.connectOptions, maxCachedSessions: 0, timeout: config.connectTimeoutMs }))(o, cb);
  const forwardOrigins = new Map<string, ProxyEndpoint>();
  for (const p of config.proxies) forwardOrigins.set(`${p.tls ? 'https:' : 'http:'}//${hostPort(p.host, p.port).toLowerCase()}`, p);
  const sockets = new WeakMap<object, { id: number; requests: number }>();
  let connections = 0;

  async function open(opts: buildConnector.Options, track: (s: Socket) => void): Promise<Socket> {
    const protocol = opts.protocol;
    const target: Target = { host: opts.hostname.replace(/^\[|\]$/g, ''), port: Number(opts.port) || (protocol === 'https:' ? 443 : 80) };
    const where = hostPort(target.host, target.port);
    const forwardProxy = forwardOrigins.get(`${protocol}//${where.toLowerCase()}`);
    if (forwardProxy) {
      // the pool of a forward route: connect to the proxy itself (TLS to it for ALWAYS/https://)
      const raw = await reach(forwardProxy, forwardProxy.label, config.firewall, track);
      return protocol === 'https:' ? verified(await upgrade(proxyTls, opts, raw), proxyPolicy, forwardProxy.label) : (raw as Socket);
    }
    const route = config.routeFor(protocol, target.host, target.port);
    let raw: Duplex | undefined;
    if (route.kind === 'tunnel') {
      let toProxy = await reach(route.proxy, route.proxy.label, route.firewall, track);
      if (route.proxy.tls) toProxy = verified(await upgrade(proxyTls, { ...opts, hostname: route.proxy.host, port: String(route.proxy.port), servername: route.proxy.host }, toProxy), proxyPolicy, route.proxy.label);
      raw = await httpConnect(toProxy, target, { label: route.proxy.label, credentials: route.proxy.credentials, userProperty: 'ProxyUser', passwordProperty: 'ProxyPassword' }, log.proxy);
    } else if (route.kind === 'direct' && route.firewall) {
      raw = await reach(target, undefined, route.firewall, track);
    }
    if (protocol !== 'https:') return raw ? (raw as Socket) : tcpConnect(target, undefined, track);
    return verified(await upgrade(targetTls, opts, raw), policy, where);
  }

  /** A TCP connection to `target`, through the firewall when there is one. */
  async function reach(target: Target, via: string | undefined, firewall: FirewallEndpoint | undefined, track: (s: Socket) => void): Promise<Duplex> {
    if (!firewall) return tcpConnect(target, via, track);
    if (firewall.type === 'TUNNEL') {
      const socket = await tcpConnect(firewall, firewall.label, track);
      return httpConnect(socket, target, { label: firewall.label, credentials: firewall.credentials, userProperty: 'FirewallUser', passwordProperty: 'FirewallPassword' }, log.proxy);
    }
    return socksConnect(firewall, target, config.connectTimeoutMs);
  }

  function connect(opts: buildConnector.Options, callback: buildConnector.Callback): void {
    const started = Date.now();
    let done = false;
    const opened: Socket[] = [];
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      for (const s of opened) s.destroy(); // do not leave a half-open tunnel behind
      callback(new IgsqlError('timeout', `Opening a connection to ${opts.hostname}:${opts.port} (${describe(opts)}) took longer than ${config.connectTimeoutMs / 1000} s.`, { details: { retryable: true } }), null);
    }, config.connectTimeoutMs);
    open(opts, (s) => opened.push(s)).then(
      (socket) => {
        clearTimeout(timer);
        if (done) return void socket.destroy();
        done = true;
        track(socket, opts, Date.now() - started);
        callback(null, socket);
      },
      (err: unknown) => {
        clearTimeout(timer);
        if (done) return;
        done = true;
        if (log.transport.enabled(4)) log.transport.log(4, { target: `${opts.protocol}//${opts.hostname}:${opts.port}`, route: describe(opts), err }, 'connection failed');
        callback(err as Error, null);
      },
    );
  }

  function track(socket: Socket, opts: buildConnector.Options, ms: number): void {
    const id = ++connections;
    sockets.set(socket, { id, requests: 0 });
    if (!log.transport.enabled(4) && !log.tls.enabled(4)) return;
    const tlsInfo = 'getPeerCertificate' in socket ? describePeer(socket as TLSSocket) : undefined;
    log.transport.log(4, { connection: id, target: `${opts.protocol}//${opts.hostname}:${opts.port}`, route: describe(opts), ms }, 'connection opened');
    if (tlsInfo) log.tls.log(4, { connection: id, ...tlsInfo, policy: policy.description }, 'TLS established');
    socket.once('close', () => {
      const info = sockets.get(socket);
      log.transport.log(4, { connection: id, requests: info?.requests ?? 0, bytesRead: socket.bytesRead, bytesWritten: socket.bytesWritten }, 'connection closed');
    });
  }

  function describe(opts: { protocol: string; hostname: string; port: string }): string {
    const where = hostPort(opts.hostname.replace(/^\[|\]$/g, ''), Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80));
    const fp = forwardOrigins.get(`${opts.protocol}//${where.toLowerCase()}`);
    if (fp) return `to ${fp.label}${config.firewall ? ` via ${config.firewall.label}` : ''}`;
    const u = new URL(`${opts.protocol}//${where}`);
    return describeRoute(u);
  }

  function routeOf(url: URL): Route {
    return config.routeFor(url.protocol, url.hostname.replace(/^\[|\]$/g, ''), Number(url.port) || (url.protocol === 'https:' ? 443 : 80));
  }

  function describeRoute(url: URL): string {
    const route = routeOf(url);
    const via = route.firewall ? ` via ${route.firewall.label}` : '';
    if (route.kind === 'direct') return `direct${via}`;
    return `${route.kind === 'tunnel' ? 'tunnel through' : 'forward to'} ${route.proxy.label}${via}`;
  }

  const agent = new Agent({
    connect,
    headersTimeout: config.timeoutMs,
    bodyTimeout: config.timeoutMs,
    ...(options.MaxConcurrentRequests && options.MaxConcurrentRequests > 0 ? { connections: options.MaxConcurrentRequests } : {}),
  });

  // forward routes: send the request to the proxy with an absolute URI (and Basic credentials)
  const forward: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
    const origin = new URL(String(opts.origin));
    const route = routeOf(origin);
    if (route.kind !== 'forward') return dispatch(opts, handler);
    const headers = headerObject(opts.headers);
    headers['host'] = origin.host;
    if (route.proxy.credentials) {
      headers['proxy-authorization'] = `Basic ${Buffer.from(`${route.proxy.credentials.user}:${route.proxy.credentials.password}`).toString('base64')}`;
    }
    const proxyOrigin = `${route.proxy.tls ? 'https:' : 'http:'}//${hostPort(route.proxy.host, route.proxy.port)}`;
    return dispatch({ ...opts, origin: proxyOrigin, path: origin.origin + opts.path, headers }, handler);
  };

  const dispatcher = agent.compose(forward) as IgsqlDispatcher;
  const onSendHeaders = (message: unknown): void => {
    const { request, socket } = message as { request: { method: string; origin: string; path: string }; socket: object };
    const info = sockets.get(socket);
    if (!info) return;
    info.requests++;
    if (log.transport.enabled(4)) {
      log.transport.log(4, { connection: info.id, reused: info.requests > 1, request: info.requests, url: maskUrl(/^https?:\/\//.test(request.path) ? request.path : `${request.origin}${request.path}`) }, `${request.method} on connection #${info.id}${info.requests > 1 ? ' (reused)' : ' (new)'}`);
    }
  };
  // socket reuse is only reported at Verbosity 4: subscribe only then (the channel is process-wide)
  const tracking = log.transport.enabled(4);
  if (tracking) diagnostics.subscribe('undici:client:sendHeaders', onSendHeaders);
  const close = agent.close.bind(agent);
  const destroy = agent.destroy.bind(agent);
  const unsubscribe = (): void => void (tracking && diagnostics.unsubscribe('undici:client:sendHeaders', onSendHeaders));
  Object.defineProperties(dispatcher, {
    network: {
      value: {
        describeRoute: (url: string | URL) => describeRoute(new URL(String(url))),
        route: (url: string | URL) => routeOf(new URL(String(url))),
        get connections() {
          return connections;
        },
        tls: policy.description,
        timeoutMs: config.timeoutMs,
      },
    },
    close: { value: (...args: unknown[]) => (unsubscribe(), (close as (...a: unknown[]) => unknown)(...args)) },
    destroy: { value: (...args: unknown[]) => (unsubscribe(), (destroy as (...a: unknown[]) => unknown)(...args)) },
  });
  return dispatcher;
}

function upgrade(connector: buildConnector.connector, opts: buildConnector.Options, socket: Duplex | undefined): Promise<Socket> {
  return new Promise((resolve, reject) => {
    connector({ ...opts, ...(socket ? { httpSocket: socket as Socket } : {}) }, (err, s) => (err ? reject(err) : resolve(s!)));
  });
}

function verified(socket: Socket, policy: TlsPolicy, where: string): Socket {
  const problem = policy.check(socket as TLSSocket, where);
  if (problem) {
    socket.destroy();
    throw problem;
  }
  return socket;
}

function headerObject(headers: Dispatcher.DispatchOptions['headers']): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (headers == null) return out;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) out[String(headers[i]).toLowerCase()] = String(headers[i + 1]);
    return out;
  }
  const entries = typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function' ? [...(headers as Iterable<[string, string | string[] | undefined]>)] : Object.entries(headers);
  for (const [k, v] of entries) if (v !== undefined) out[k.toLowerCase()] = v as string | string[];
  return out;
}
