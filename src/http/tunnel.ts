import { createRequire } from 'node:module';
import { connect as netConnect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type * as Socks from 'socks';
import { IgsqlError } from '../errors.js';
import type { ModuleLogger } from '../logging/logger.js';
import { maskSecrets } from '../logging/mask.js';
import { type Credentials, type FirewallEndpoint, hostPort } from './network-options.js';

export interface Target {
  host: string;
  port: number;
}

/** Who answers a CONNECT: an HTTP proxy or a TUNNEL firewall (for messages and property names). */
export interface TunnelPeer {
  label: string;
  credentials: Credentials | undefined;
  userProperty: string;
  passwordProperty: string;
}

/** A plain TCP connection; rejects with a `proxy` error naming `via` when it is a proxy or firewall. */
export function tcpConnect(target: Target, via?: string, track?: (socket: Socket) => void): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: target.host, port: target.port });
    track?.(socket);
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        via === undefined
          ? err
          : new IgsqlError('proxy', `Could not connect to the ${via}: ${err.code ?? err.message}. Check that it runs and that its host and port are right.`, {
              cause: err,
              details: { retryable: true, errno: err.code },
            }),
      );
    });
  });
}

/**
 * Open an HTTP CONNECT tunnel to `target` over `socket` (already connected to the proxy or TUNNEL
 * firewall). Resolves with the same socket once the peer answers 2xx. 407 and other refusals
 * become `proxy` errors that name the peer and the user, never the password.
 */
export function httpConnect(socket: Duplex, target: Target, peer: TunnelPeer, log?: ModuleLogger): Promise<Duplex> {
  const authority = hostPort(target.host, target.port);
  const lines = [`CONNECT ${authority} HTTP/1.1`, `Host: ${authority}`, 'User-Agent: igsql', 'Proxy-Connection: keep-alive'];
  if (peer.credentials) {
    lines.push(`Proxy-Authorization: Basic ${Buffer.from(`${peer.credentials.user}:${peer.credentials.password}`).toString('base64')}`);
  }
  const request = `${lines.join('\r\n')}\r\n\r\n`;
  if (log?.enabled(5)) log.log(5, { request: maskSecrets(request) }, `CONNECT request to the ${peer.label}`);
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    const cleanup = (): void => {
      socket.removeListener('data', onData);
      socket.removeListener('error', onError);
      socket.removeListener('close', onClose);
    };
    const fail = (err: IgsqlError): void => {
      cleanup();
      socket.destroy();
      reject(err);
    };
    const onError = (err: Error): void =>
      fail(new IgsqlError('proxy', `The ${peer.label} failed while opening a tunnel to ${authority}: ${err.message}`, { cause: err, details: { retryable: true } }));
    const onClose = (): void => fail(new IgsqlError('proxy', `The ${peer.label} closed the connection instead of opening a tunnel to ${authority}.`, { details: { retryable: true } }));
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) {
        if (buffered.length > 65536) fail(new IgsqlError('proxy', `The ${peer.label} sent an over-long answer to CONNECT.`));
        return;
      }
      const head = buffered.subarray(0, end).toString('latin1');
      const rest = buffered.subarray(end + 4);
      const statusLine = head.split('\r\n', 1)[0] ?? '';
      const status = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(statusLine)?.[1] ?? NaN);
      if (log?.enabled(5)) log.log(5, { response: maskSecrets(head) }, `CONNECT answer from the ${peer.label}`);
      if (status >= 200 && status < 300) {
        cleanup();
        if (rest.length > 0) socket.unshift(rest);
        resolve(socket);
        return;
      }
      fail(refusal(status, statusLine, head, authority, peer));
    };
    socket.on('data', onData);
    socket.once('error', onError);
    socket.once('close', onClose);
    socket.write(request);
  });
}

function refusal(status: number, statusLine: string, head: string, authority: string, peer: TunnelPeer): IgsqlError {
  const reason = statusLine.replace(/^HTTP\/\S+\s+/, '') || 'no status line';
  // 407 is the standard answer; some proxies (tinyproxy 1.11) answer CONNECT with 401 + WWW-Authenticate
  if (status === 407 || status === 401) {
    const offered = [...head.matchAll(/^(?:proxy|www)-authenticate:\s*(\S+)/gim)].map((m) => m[1]!.toUpperCase());
    const schemes = offered.length > 0 ? ` It asks for ${[...new Set(offered)].join(' or ')} authentication.` : '';
    const unsupported = offered.length > 0 && !offered.includes('BASIC') ? ' igsql supports BASIC proxy authentication only.' : '';
    const message = peer.credentials
      ? `The ${peer.label} rejected the credentials of ${peer.userProperty} "${peer.credentials.user}" (${reason}).${schemes}${unsupported} Check ${peer.userProperty} and ${peer.passwordProperty}.`
      : `The ${peer.label} requires authentication (${reason}).${schemes}${unsupported} Set ${peer.userProperty} and ${peer.passwordProperty}.`;
    return new IgsqlError('proxy', message, { details: { status, retryable: false } });
  }
  return new IgsqlError('proxy', `The ${peer.label} refused to open a tunnel to ${authority}: ${reason}.`, {
    details: { status, retryable: status === 502 || status === 503 || status === 504 },
  });
}

/**
 * Connect to `target` through a SOCKS4 or SOCKS5 firewall (optionally over `existing`, for chains).
 * Host names are sent to the firewall unresolved (SOCKS4a / SOCKS5 remote DNS).
 */
export async function socksConnect(firewall: FirewallEndpoint, target: Target, timeoutMs: number, existing?: Duplex): Promise<Socket> {
  const { user, password } = firewall.credentials ?? { user: undefined, password: undefined };
  try {
    // loaded on first use: most connections never go through a SOCKS firewall (required, not
    // imported: socks is CommonJS, and import() also scans it for ES syntax: 45 ms instead of 22)
    const { SocksClient } = createRequire(import.meta.url)('socks') as typeof Socks;
    const { socket } = await SocksClient.createConnection({
      proxy: {
        host: firewall.host,
        port: firewall.port,
        type: firewall.type === 'SOCKS4' ? 4 : 5,
        ...(user ? { userId: user } : {}),
        ...(password && firewall.type === 'SOCKS5' ? { password } : {}),
      },
      command: 'connect',
      destination: { host: target.host, port: target.port },
      timeout: timeoutMs > 0 ? timeoutMs : 30_000,
      ...(existing ? { existing_socket: existing } : {}),
    });
    return socket;
  } catch (err) {
    throw socksError(err as Error & { code?: string }, firewall, target);
  }
}

function socksError(raw: Error & { code?: string }, firewall: FirewallEndpoint, target: Target): IgsqlError {
  // SocksClientError carries the whole client options as `.options`, FirewallPassword included:
  // keep only its message as the cause, so inspecting or logging the error cannot show it.
  const msg = maskSecrets(raw.message);
  const err = Object.assign(new Error(msg), raw.code ? { code: raw.code } : {});
  const authority = hostPort(target.host, target.port);
  if (/Authentication failed|no accepted authentication type/i.test(msg)) {
    const who = firewall.credentials ? `rejected the credentials of FirewallUser "${firewall.credentials.user}"` : 'requires a user name and password';
    return new IgsqlError('proxy', `The ${firewall.label} ${who} (${msg}). Check FirewallUser and FirewallPassword.`, { cause: err, details: { retryable: false } });
  }
  if (/rejected connection|Rejected|Failed/i.test(msg) && !/ECONN|EHOST|ENOTFOUND/.test(msg)) {
    return new IgsqlError('proxy', `The ${firewall.label} refused to connect to ${authority} (${msg}).`, { cause: err, details: { retryable: true } });
  }
  if (/timed out/i.test(msg)) {
    return new IgsqlError('timeout', `The ${firewall.label} did not connect to ${authority} in time (${msg}).`, { cause: err, details: { retryable: true } });
  }
  return new IgsqlError('proxy', `Could not connect through the ${firewall.label} to ${authority}: ${msg}.`, { cause: err, details: { retryable: true } });
}
