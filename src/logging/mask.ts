/**
 * Secret masking for anything that may reach a log line, an error message or stdout.
 *
 * pino's `redact` only knows fixed object paths; secrets also hide inside strings (URLs with
 * `?access_token=`, form bodies, JSON bodies, header lines, free text holding an `EAA…` token).
 * `maskSecrets` rewrites a string, `maskValue` walks any value (objects by key AND every string),
 * `maskUrl` renders a URL with its secret parameters and userinfo password replaced.
 */

/** What a masked secret is replaced with. */
export const MASK = '***';

/** Parameter/field names whose value is always secret (compared case-insensitively). */
export const SECRET_NAMES = [
  'access_token', 'refresh_token', 'client_secret', 'fb_exchange_token', 'appsecret_proof',
  'input_token', 'password', 'passwd', 'pwd', 'secret', 'token', 'id_token', 'code_verifier',
  'authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-fb-appsecret',
] as const;

const SECRET_NAME_SET = new Set<string>(SECRET_NAMES);
/** Also secret: any name containing one of these (ProxyPassword, OAuthClientSecret, accessToken …). */
const SECRET_FRAGMENT = /(password|passwd|secret|token|proof|authorization|credential|apikey|api_key|verifier)/i;
/** …except these names, which merely mention tokens. */
const NOT_SECRET = new Set(['token_type', 'tokentype', 'token_expires_in', 'scheme']);

/**
 * True when a field, header or parameter of this name holds a secret. `code` (the OAuth
 * authorization code) counts only in URLs and forms (`{ url: true }`): in objects `code` is
 * almost always an error code.
 */
export function isSecretName(name: string, where: { url?: boolean } = {}): boolean {
  const n = name.toLowerCase();
  if (n === 'code') return where.url === true;
  if (NOT_SECRET.has(n)) return false;
  return SECRET_NAME_SET.has(n) || SECRET_FRAGMENT.test(n);
}

// A name that looks secret: one of the fixed names, or any word containing a secret fragment.
const NAME = String.raw`(?!token_type\b)(?:[A-Za-z0-9_.\-\[\]]*(?:password|passwd|pwd|secret|token|proof|credential|apikey|api_key|verifier)[A-Za-z0-9_\-\[\]]*)`;
// `code` is a secret only as an OAuth code: a long value. Error codes (`code=190`) stay readable.
// A value in a query/form, stopping at a separator, also at percent-encoded '"', '&', ',', '}', ']', ';', '#'.
const VALUE = String.raw`(?:[^&\s"'#;,)}%]|%(?!22|26|2C|7D|5D|3B|23)[0-9A-Fa-f]{2}|%(?![0-9A-Fa-f]{2}))*`;
const CODE_VALUE = String.raw`(?=[^&\s"'#;,)}\\%]{12,}|[^&\s"'#;,)}]{16,})`;

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // URL userinfo: scheme://user:password@host
  [/([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@"']*:)[^\s@/?#"']*@/gi, `$1${MASK}@`],
  // Authorization-like header lines and "Bearer x" / "Basic x" / "OAuth x" anywhere
  [/\b((?:proxy-)?authorization|cookie|set-cookie)(["']?\s*[:=]\s*["']?)[^\r\n"',}]+/gi, `$1$2${MASK}`],
  [/\b(Bearer|Basic|OAuth|Digest|Negotiate|NTLM)(\s+|%20|\+)(?!\*\*\*)[A-Za-z0-9._~+/=%-]{4,}/g, `$1$2${MASK}`],
  // connection-string style with a quoted or braced value: ProxyPassword="a;b"
  [new RegExp(String.raw`(\b${NAME}\s*=\s*)(?:"(?:[^"]|"")*"|'(?:[^']|'')*'|\{(?:[^}]|\}\})*\})`, 'gi'), `$1${MASK}`],
  // query strings and form bodies: name=value (also percent-encoded '=' and inside encoded JSON)
  [new RegExp(String.raw`((?:^|[?&;,\s"'{(]|%26|%3F|%2C|%22)${NAME})(=|%3D|%253D)(?!\*\*\*)${VALUE}`, 'gi'), `$1$2${MASK}`],
  [new RegExp(String.raw`((?:^|[?&;,\s"'{(]|%26|%3F|%2C|%22)code)(=|%3D|%253D)${CODE_VALUE}${VALUE}`, 'gi'), `$1$2${MASK}`],
  [new RegExp(String.raw`((?:"|\\"|%22)code(?:"|\\"|%22)\s*(?::|%3A)\s*(?:"|\\"|%22))${CODE_VALUE}(?:[^"\\%]|\\[^"]|%(?!22))*`, 'gi'), `$1${MASK}`],
  // JSON: "name": "value" (plain or with escaped / percent-encoded quotes)
  [new RegExp(String.raw`((?:"|\\"|%22)${NAME}(?:"|\\"|%22)\s*(?::|%3A)\s*(?:"|\\"|%22))(?!\*\*\*)(?:[^"\\%]|\\[^"]|%(?!22))*`, 'gi'), `$1${MASK}`],
  // YAML-ish / log-ish name: value for unquoted names
  [new RegExp(String.raw`(\b${NAME}:\s+)(?!\*\*\*)[^\s,;]+`, 'gi'), `$1${MASK}`],
  // Graph and Instagram tokens wherever they appear
  [/\b(?:EAA|IGAA|IGQV)[A-Za-z0-9_-]{8,}/g, MASK],
  // Facebook Login authorization codes (OAuthVerifier, GetOAuthAccessToken's Verifier), even as a bare value
  [/\bAQ[A-Za-z0-9_-]{40,}/g, MASK],
  // app access tokens: "{app-id}|{app-secret}" (also encoded)
  [/\b\d{6,}(\||%7C)[A-Za-z0-9_-]{16,}/gi, `${MASK}`],
];

/** Replace every secret inside a string (URLs, query strings, form/JSON bodies, header lines, free text). */
export function maskSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

/** A URL with secret query parameters and the userinfo password masked; never throws. */
export function maskUrl(url: string | URL): string {
  const text = typeof url === 'string' ? url : url.href;
  const q = text.indexOf('?');
  if (q < 0) return maskSecrets(text);
  const hash = text.indexOf('#', q);
  const query = text.slice(q + 1, hash < 0 ? undefined : hash);
  return maskSecrets(text.slice(0, q + 1) + maskForm(query) + (hash < 0 ? '' : text.slice(hash)));
}

/** An `application/x-www-form-urlencoded` string with every secret field's value masked. */
export function maskForm(form: string): string {
  return form
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      let name = pair.slice(0, eq);
      try {
        name = decodeURIComponent(name.replaceAll('+', ' '));
      } catch {
        // keep the raw name
      }
      return isSecretName(name, { url: true }) ? `${pair.slice(0, eq)}=${MASK}` : pair;
    })
    .join('&');
}

/** Headers with every secret header value masked (and every other value string-masked). */
export function maskHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = isSecretName(name) ? MASK : maskValue(value);
  }
  return out;
}

/**
 * A deep copy of `value` where every property with a secret name is masked and every string is
 * passed through {@link maskSecrets}. Errors become `{ type, message, code, stack }`; cycles and
 * depth beyond 8 are cut.
 */
export function maskValue(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return maskSecrets(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof URL) return maskUrl(value);
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (seen.has(value)) return '[Circular]';
  if (depth > 8) return '[Object]';
  seen.add(value);
  if (value instanceof Error) {
    const e = value as Error & { code?: unknown; details?: unknown; cause?: unknown };
    const out: Record<string, unknown> = { type: e.name, message: maskSecrets(e.message) };
    if (e.code !== undefined) out['code'] = e.code;
    if (e.details !== undefined) out['details'] = maskValue(e.details, depth + 1, seen);
    if (e.stack !== undefined) out['stack'] = maskSecrets(e.stack);
    if (e.cause !== undefined) out['cause'] = maskValue(e.cause, depth + 1, seen);
    return out;
  }
  if (Array.isArray(value)) return value.map((item) => maskValue(item, depth + 1, seen));
  if (value instanceof Map) return maskValue(Object.fromEntries(value), depth, seen);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretName(key) && item !== null && item !== undefined && typeof item !== 'number' && typeof item !== 'boolean'
      ? MASK
      : maskValue(item, depth + 1, seen);
  }
  return out;
}
