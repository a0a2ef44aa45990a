/**
 * Real proxy servers for integration tests, none written by us: tinyproxy (HTTP proxy with Basic
 * auth), microsocks (SOCKS5 with user/password) and dante (SOCKS4) from Debian; when a binary is
 * absent, the npm packages `proxy` (HTTP, Basic auth) and `@pondwader/socks5-server` (SOCKS5 with
 * user/password) stand in. Each reports evidence that traffic passed through it.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createSocks5Server } from '@pondwader/socks5-server';
import { createProxy } from 'proxy';
import { freePort } from './stub-server.js';

export interface RealProxy {
  /** e.g. "tinyproxy 1.11 (Debian)" or "proxy (npm)". */
  implementation: string;
  host: string;
  port: number;
  /** Lines or counters proving traffic went through the proxy (log lines, connection records). */
  evidence(): string[];
  /** Outgoing connections of the proxy come from this address (so the target can tell). */
  outgoingAddress: string | undefined;
  stop(): Promise<void>;
}

export function findBinary(name: string): string | undefined {
  for (const dir of ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin']) if (existsSync(join(dir, name))) return join(dir, name);
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : undefined;
}

async function waitForPort(port: number, child: ChildProcess, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} did not listen on ${port}`);
}

function stopChild(child: ChildProcess, dir: string): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      rmSync(dir, { recursive: true, force: true });
      resolve();
    };
    if (child.exitCode !== null) return done();
    child.once('exit', done);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 2000).unref();
  });
}

/** An HTTP proxy requiring Basic auth `user`/`password`: tinyproxy, else the npm `proxy` package. */
export async function startHttpProxy(user: string, password: string, options: { preferNpm?: boolean } = {}): Promise<RealProxy> {
  const bin = options.preferNpm ? undefined : findBinary('tinyproxy');
  if (bin) {
    const dir = mkdtempSync(join(tmpdir(), 'igsql-tinyproxy-'));
    const port = await freePort();
    const logFile = join(dir, 'tinyproxy.log');
    const conf = [`Port ${port}`, 'Listen 127.0.0.1', 'Bind 127.0.0.2', 'Timeout 30', `LogFile "${logFile}"`, 'LogLevel Connect', 'MaxClients 100', `BasicAuth ${user} ${password}`, 'Allow 127.0.0.0/8', 'DisableViaHeader Yes'];
    writeFileSync(join(dir, 'tinyproxy.conf'), conf.join('\n') + '\n');
    const child = spawn(bin, ['-d', '-c', join(dir, 'tinyproxy.conf')], { stdio: 'ignore' });
    await waitForPort(port, child, 'tinyproxy');
    return {
      implementation: 'tinyproxy (Debian)',
      host: '127.0.0.1',
      port,
      outgoingAddress: '127.0.0.2',
      evidence: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter((l) => /Request|CONNECT|Established/i.test(l)) : []),
      stop: () => stopChild(child, dir),
    };
  }
  const server = createProxy(createHttpServer());
  const lines: string[] = [];
  server.localAddress = '127.0.0.3';
  server.authenticate = (req) => {
    const header = req.headers['proxy-authorization'] ?? '';
    const ok = header === `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    lines.push(`${req.method} ${req.url} auth=${ok ? 'ok' : 'rejected'}`);
    return ok;
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    implementation: 'proxy (npm)',
    host: '127.0.0.1',
    port: (server.address() as AddressInfo).port,
    outgoingAddress: '127.0.0.3',
    evidence: () => [...lines],
    stop: () => new Promise((resolve) => (server.closeAllConnections?.(), server.close(() => resolve()))),
  };
}

/** A SOCKS5 server requiring `user`/`password`: microsocks, else `@pondwader/socks5-server`. */
export async function startSocks5(user: string, password: string, options: { preferNpm?: boolean } = {}): Promise<RealProxy> {
  const bin = options.preferNpm ? undefined : findBinary('microsocks');
  if (bin) {
    const dir = mkdtempSync(join(tmpdir(), 'igsql-microsocks-'));
    const port = await freePort();
    const child = spawn(bin, ['-i', '127.0.0.1', '-p', String(port), '-u', user, '-P', password, '-b', '127.0.0.4'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    child.stdout?.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter(Boolean)));
    child.stderr?.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter(Boolean)));
    await waitForPort(port, child, 'microsocks');
    return { implementation: 'microsocks (Debian)', host: '127.0.0.1', port, outgoingAddress: '127.0.0.4', evidence: () => [...lines], stop: () => stopChild(child, dir) };
  }
  const server = createSocks5Server({ auth: { username: user, password } });
  const lines: string[] = [];
  server.setRulesetValidator((conn) => {
    lines.push(`CONNECT ${conn.destAddress}:${conn.destPort} user=${conn.username ?? ''}`);
    return true;
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return {
    implementation: '@pondwader/socks5-server (npm)',
    host: '127.0.0.1',
    port,
    outgoingAddress: undefined,
    evidence: () => [...lines],
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A SOCKS4 server (dante), or undefined when dante is not installed. */
export async function startDanteSocks4(): Promise<RealProxy | undefined> {
  const bin = findBinary('danted') ?? findBinary('sockd');
  if (!bin) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'igsql-dante-'));
  const port = await freePort();
  const logFile = join(dir, 'danted.log');
  const conf = `logoutput: ${logFile}
internal: 127.0.0.1 port = ${port}
external: 127.0.0.1
clientmethod: none
socksmethod: none
user.unprivileged: root
client pass {
  from: 127.0.0.0/8 to: 0.0.0.0/0
  log: connect error
}
socks pass {
  from: 127.0.0.0/8 to: 0.0.0.0/0
  command: connect
  log: connect error
}
`;
  writeFileSync(join(dir, 'danted.conf'), conf);
  const child = spawn(bin, ['-f', join(dir, 'danted.conf'), '-N', '1', '-p', join(dir, 'danted.pid')], { stdio: 'ignore' });
  await waitForPort(port, child, 'danted');
  return {
    implementation: 'dante (Debian)',
    host: '127.0.0.1',
    port,
    outgoingAddress: undefined,
    evidence: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter((l) => /tcp\/connect/.test(l)) : []),
    stop: () => stopChild(child, dir),
  };
}
