/**
 * Faults that take over the socket (GraphResponse.send): a connection reset in the middle of the
 * body, and a body that stalls after its first bytes and then streams the rest in chunks. Status
 * and headers are read when sending, so they include what dispatch added. Content-Length always
 * announces the whole body, so a client sees a truncated or late body, not a short one.
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { GraphResponse } from '../http/reply.js';

export const CHUNK_BYTES = 16 * 1024;
const RESET_DELAY_MS = 50;

function head(res: ServerResponse, response: GraphResponse, body: Buffer): void {
  res.writeHead(response.status, { ...response.headers, 'Content-Length': String(body.length) });
}

/** Sends an RST where the platform allows it (ECONNRESET at the client), else closes. */
export function resetSocket(socket: Socket | null): void {
  if (socket === null || socket.destroyed) return;
  try {
    socket.resetAndDestroy();
  } catch {
    socket.destroy();
  }
}

/** Writes `body` in chunks, waiting for the socket to drain between them. */
export function writeInChunks(res: ServerResponse, body: Buffer, chunkBytes = CHUNK_BYTES): void {
  let offset = 0;
  const pump = (): void => {
    while (offset < body.length && !res.destroyed) {
      const chunk = body.subarray(offset, offset + chunkBytes);
      offset += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

/** Headers and the first `afterBytes` (default half the body), then a reset. */
export function resetMidBody(response: GraphResponse, afterBytes: number | undefined): (res: ServerResponse, body: Buffer) => void {
  return (res, body) => {
    const cut = Math.min(afterBytes ?? Math.floor(body.length / 2), Math.max(0, body.length - 1));
    head(res, response, body);
    res.flushHeaders();
    const socket = res.socket;
    // Give the client time to read what was sent: an RST makes its kernel drop unread data.
    const reset = (): void => void setTimeout(() => resetSocket(socket), RESET_DELAY_MS);
    if (cut === 0) reset();
    else res.write(body.subarray(0, cut), reset);
  };
}

/** Headers and the first `afterBytes` (default min(1024, half)), a stall of `stallMs`, then the rest in chunks. */
export function slowBody(response: GraphResponse, stallMs: number, afterBytes: number | undefined): (res: ServerResponse, body: Buffer) => void {
  return (res, body) => {
    const cut = Math.min(afterBytes ?? Math.min(1024, Math.floor(body.length / 2)), body.length);
    head(res, response, body);
    res.flushHeaders();
    if (cut > 0) res.write(body.subarray(0, cut));
    const timer = setTimeout(() => writeInChunks(res, body.subarray(cut)), stallMs);
    res.once('close', () => clearTimeout(timer));
  };
}
