/**
 * The HTTP transport: node:http on 127.0.0.1. Reads the body (up to 16 MiB), hands the request to
 * `app.dispatch`, writes the GraphResponse (or lets `response.send` take over the socket). Stage 2's
 * HTTPS swaps `createServer` for `https.createServer({ key, cert }, …)` through `listen`'s `create`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxApp } from './context.js';
import { bodyBytes } from './http/graph-json.js';

const MAX_BODY = 16 * 1024 * 1024;

export type CreateServer = (handler: (req: IncomingMessage, res: ServerResponse) => void) => Server;

export interface Listening {
  readonly server: Server;
  readonly port: number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handle(app: SandboxApp, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  if (body === undefined) {
    res.writeHead(413, { 'Content-Type': 'text/plain' }).end('request body too large');
    return;
  }
  const response = await app.dispatch({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body, source: 'http' });
  const bytes = bodyBytes(response.body);
  if (response.send !== undefined) {
    response.send(res, bytes);
    return;
  }
  res.writeHead(response.status, { ...response.headers, 'Content-Length': String(bytes.length) });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

export function listen(app: SandboxApp, port: number, create: CreateServer = (h) => createServer(h)): Promise<Listening> {
  const server = create((req, res) => {
    handle(app, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`sandbox failure: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  server.keepAliveTimeout = 5000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve({
        server, port: address.port,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}
