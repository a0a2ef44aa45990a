/**
 * Opaque paging cursors. A cursor names a position in an edge's list; it is base64 (no padding) of
 * `AQH…` text, like Meta's `QVFIU…` cursors, with a check so a hand-made or truncated cursor is
 * rejected rather than silently misread.
 */
import { hashKeys } from '../data/rng.js';

export function encodeCursor(position: number): string {
  const check = (hashKeys(['cursor', position]) % 1296).toString(36).padStart(2, '0');
  return Buffer.from(`AQH${position.toString(36).toUpperCase()}x${check}`).toString('base64').replace(/=+$/, '');
}

/** The position a cursor names, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string): number | undefined {
  const text = Buffer.from(cursor, 'base64').toString('latin1');
  const match = /^AQH([0-9A-Z]+)x([0-9a-z]{2})$/.exec(text);
  if (match === null) return undefined;
  const position = parseInt(match[1]!, 36);
  const check = (hashKeys(['cursor', position]) % 1296).toString(36).padStart(2, '0');
  return check === match[2] && Number.isSafeInteger(position) ? position : undefined;
}
