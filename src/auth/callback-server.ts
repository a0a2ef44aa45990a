/**
 * The one-shot redirect receiver of the desktop flow: listens on 127.0.0.1 (and ::1 for
 * localhost) at CallbackURL's port, waits for `?code=&state=` or `?error=`, answers the browser
 * with a small page, and closes.
 *
 * `https://localhost:33333/` (the CallbackURL in CData setups; Facebook's "Enforce HTTPS") is
 * served with a certificate made on the spot for localhost: the browser warns once about it.
 * The same port also answers plain http, told apart by the first byte of the connection.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type Socket, createServer as createNetServer } from 'node:net';
import { IgsqlError } from '../errors.js';
import { type CallbackOutcome, callbackPage } from './callback-page.js';
import { localCallback, normalizeVerifier, withPort } from './callback-url.js';
import { abortError } from './sleep.js';

export interface CallbackResult {
  code: string;
  state: string;
  redirectUri: string;
}

export interface CallbackServerOptions {
  /** CallbackURL; default http://localhost:33333/. */
  callbackUrl?: string;
  /** The state put into the dialog URL; the redirect must bring it back. */
  state: string;
  /** How long to wait for the browser. Default 5 minutes. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Certificate for an https CallbackURL; default a fresh self-signed one for localhost. */
  tls?: { key: string; cert: string };
}

export interface CallbackServer {
  /** Exactly what goes into the dialog URL and the code exchange. */
  readonly redirectUri: string;
  readonly port: number;
  /** The code, or an `auth` / `cancelled` error. The server is closed when it settles. */
  readonly result: Promise<CallbackResult>;
  close(): Promise<void>;
}

export const DEFAULT_CALLBACK_TIMEOUT_MS = 5 * 60_000;

export async function startCallbackServer(options: CallbackServerOptions): Promise<CallbackServer> {
  const target = localCallback(options.callbackUrl);
  if (options.signal?.aborted) throw abortError(options.signal);
  const handler = (req: IncomingMessage, res: ServerResponse) => handle(req, res);
  const http = createHttpServer(handler);
  const https = target.protocol === 'https' ? createHttpsServer(options.tls ?? (await localhostCertificate()), handler) : undefined;
  const sockets = new Set<Socket>();
  const listeners = target.hosts.map(() =>
    createNetServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      route(socket, http, https);
    }),
  );
  const port = await listenAll(listeners, target.hosts, target.port);
  const redirectUri = target.port === 0 ? withPort(target.redirectUri, port) : target.redirectUri;
  const timeoutMs = options.timeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS;

  let settle!: (outcome: { ok: CallbackResult } | { error: IgsqlError }) => void;
  let settled = false;
  const result = new Promise<CallbackResult>((resolve, reject) => {
    settle = (outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if ('ok' in outcome) resolve(outcome.ok);
      else reject(outcome.error);
      setImmediate(() => void close());
    };
  });
  // The browser may answer before anyone awaits `result`: that must not count as an unhandled rejection.
  result.catch(() => undefined);
  const timer = setTimeout(() => settle({ error: timeoutError(redirectUri, timeoutMs) }), timeoutMs);
  timer.unref();
  const onAbort = () => settle({ error: abortError(options.signal!) });
  options.signal?.addEventListener('abort', onAbort, { once: true });

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', redirectUri);
    if (req.method !== 'GET' || url.pathname !== target.path) return answer(res, 404, 'not-found', `igsql waits for the sign-in at ${redirectUri}.`);
    if (settled) return answer(res, 200, 'done', 'igsql already received an answer for this sign-in.');
    const q = url.searchParams;
    const state = q.get('state');
    if (state !== null && state !== options.state) {
      answer(res, 400, 'state-mismatch', 'The answer carries a state that igsql did not send, so it was refused (it may come from an older sign-in tab or another site). Start the sign-in again.');
      return settle({ error: new IgsqlError('auth', 'The OAuth redirect carried a state that does not match the one igsql sent (possible CSRF, or an old consent tab); the sign-in was refused. Start it again.', { details: { reason: 'state-mismatch' } }) });
    }
    const error = q.get('error');
    if (error !== null) {
      const denied = error === 'access_denied' || q.get('error_reason') === 'user_denied';
      const description = q.get('error_description') ?? '';
      answer(res, 200, denied ? 'denied' : 'error', denied ? 'You denied igsql access, so it cannot read your Instagram data.' : `Facebook answered: ${description || error}.`);
      return settle({ error: redirectError(error, q.get('error_reason'), description, denied) });
    }
    const code = q.get('code');
    if (code === null || normalizeVerifier(code) === '') return answer(res, 400, 'missing-code', 'This address was opened without an authorization code. Finish the sign-in in the consent page.');
    if (state === null) {
      answer(res, 400, 'state-mismatch', 'The answer carries no state, so it was refused. Start the sign-in again.');
      return settle({ error: new IgsqlError('auth', 'The OAuth redirect carried no state; the sign-in was refused. Start it again.', { details: { reason: 'state-missing' } }) });
    }
    answer(res, 200, 'ok', 'igsql received the authorization and is finishing the sign-in.');
    settle({ ok: { code: normalizeVerifier(code), state, redirectUri } });
  }

  async function close(): Promise<void> {
    const closed = Promise.all(listeners.map((l) => new Promise<void>((resolve) => (l.listening ? l.close(() => resolve()) : resolve()))));
    // Let the last page reach the browser (end flushes it), then drop idle or preconnected sockets.
    for (const socket of sockets) socket.end();
    const grace = setTimeout(() => {
      for (const socket of sockets) socket.destroy();
    }, 1000);
    grace.unref();
    await closed;
    clearTimeout(grace);
  }

  return {
    redirectUri,
    port,
    result,
    close: async () => {
      settle({ error: new IgsqlError('cancelled', 'The sign-in was cancelled.') });
      await close();
    },
  };
}

function answer(res: ServerResponse, status: number, outcome: CallbackOutcome, detail: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', connection: 'close', 'referrer-policy': 'no-referrer' });
  res.end(callbackPage(outcome, detail));
}

function redirectError(error: string, reason: string | null, description: string, denied: boolean): IgsqlError {
  const facts = [`error=${error}`, reason ? `error_reason=${reason}` : '', description ? `"${description}"` : ''].filter(Boolean).join(', ');
  const message = denied
    ? `The user denied access in the consent page (${facts}). Run the sign-in again and allow access to use igsql.`
    : `The consent page answered with an error (${facts}). Check the app's settings (Valid OAuth Redirect URIs, permissions) and sign in again.`;
  return new IgsqlError('auth', message, { details: { reason: denied ? 'denied' : 'redirect-error', error } });
}

function timeoutError(redirectUri: string, timeoutMs: number): IgsqlError {
  return new IgsqlError(
    'auth',
    `No answer reached ${redirectUri} within ${Math.round(timeoutMs / 1000)} s: the consent page was not completed. ` +
      `Sign in again; on a machine without a browser, open the URL elsewhere and connect with InitiateOAuth=REFRESH;OAuthVerifier=<the code>.`,
    { details: { reason: 'timeout' } },
  );
}

/** Sends a connection to the TLS server when it starts with a handshake (0x16), else to http. */
function route(socket: Socket, http: Server, https: Server | undefined): void {
  socket.once('data', (first: Buffer) => {
    socket.pause();
    socket.unshift(first);
    const tls = first[0] === 0x16;
    if (tls && !https) return void socket.destroy();
    (tls ? https! : http).emit('connection', socket);
    process.nextTick(() => socket.resume());
  });
}

async function listenAll(servers: ReturnType<typeof createNetServer>[], hosts: string[], port: number): Promise<number> {
  let chosen = port;
  for (const [i, server] of servers.entries()) {
    try {
      chosen = await listen(server, hosts[i]!, chosen);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // ::1 is a bonus for browsers that try IPv6 first; a machine without IPv6 lacks it.
      if (i > 0 && (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT')) continue;
      await Promise.all(servers.map((s) => new Promise<void>((r) => (s.listening ? s.close(() => r()) : r()))));
      if (code === 'EADDRINUSE') {
        throw new IgsqlError('auth', `Port ${chosen} of CallbackURL is in use on ${hosts[i]} (another sign-in running?). Close it, or set CallbackURL to a free port that is also registered in the app.`, { cause: err, details: { property: 'CallbackURL' } });
      }
      throw new IgsqlError('auth', `The callback server cannot listen on ${hosts[i]}:${chosen} (${code ?? 'error'}).`, { cause: err, details: { property: 'CallbackURL' } });
    }
  }
  return chosen;
}

function listen(server: ReturnType<typeof createNetServer>, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });
}

/** A certificate for localhost, 127.0.0.1 and ::1, valid for a day (EC P-256: made in milliseconds). */
async function localhostCertificate(): Promise<{ key: string; cert: string }> {
  const { generate } = await import('selfsigned');
  const now = new Date();
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + 24 * 3600_000),
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] }],
  });
  return { key: pems.private, cert: pems.cert };
}
