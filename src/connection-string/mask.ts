import { isSensitiveName } from './lookup.js';
import { parseConnectionString } from './parse.js';
import type { ParsedConnectionString } from './parse.js';
import { maskSecret } from './secrets.js';

export { MASK, maskSecret, maskIfSensitive } from './secrets.js';

/**
 * A connection string safe for logs and error messages: the same pairs, with the values of
 * secrets (under any name or alias) replaced by the mask. A string that does not parse cannot be
 * masked reliably, so it is replaced as a whole.
 */
export function safeConnectionString(input: string | ParsedConnectionString): string {
  if (typeof input !== 'string') return input.toString();
  try {
    return parseConnectionString(input).toString();
  } catch {
    return `<invalid connection string of ${input.length} characters>`;
  }
}

/**
 * A shallow copy of `record` with the values of secret keys masked (keys matched like property
 * names: case and spaces ignored, aliases included). For log objects built from properties.
 */
export function maskProperties<T extends Readonly<Record<string, unknown>>>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key] = typeof value === 'string' && isSensitiveName(key) ? maskSecret(value) : value;
  }
  return out as T;
}
