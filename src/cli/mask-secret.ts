/**
 * Masking of secret result values (tokens from the OAuth procedures). Enough is kept to tell two
 * tokens apart at a glance (`EAAB…(masked)`), never enough to use one: at most the first four
 * characters, and none of a short value.
 */
export const MASKED_SUFFIX = '…(masked)';

export function maskSecretValue(value: string): string {
  const keep = value.length >= 16 ? 4 : 0;
  return `${value.slice(0, keep)}${MASKED_SUFFIX}`;
}

/**
 * True when a line typed at the prompt probably holds a secret (it is then kept out of the
 * history file): a Meta token, a secret-named property or parameter, or a long random-looking word.
 */
export function looksSecret(line: string): boolean {
  if (/\bEA[A-Za-z0-9]{20,}/.test(line)) return true;
  if (/(token|secret|password|passwd|verifier|\bcode\b|\bpwd\b)/i.test(line) && /[=:'"@]/.test(line)) return true;
  return /[A-Za-z0-9_\-+/]{32,}/.test(line.replace(/\b\d+\b/g, ''));
}
