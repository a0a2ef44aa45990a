/** Graph URLs: a relative path gets BaseURL and /Version; the account a call is about (pacing). */
import type { Params } from './call-options.js';

/** The absolute URL of `path` (relative to BaseURL + /Version, or absolute) with `params` set. */
export function graphUrl(baseUrl: URL, version: string, path: string, params: Params = {}): URL {
  let url: URL;
  if (/^https?:\/\//i.test(path)) url = new URL(path);
  else {
    const rel = path.startsWith('/') ? path : `/${path}`;
    const prefix = version ? `/${version}` : '';
    url = new URL(`${baseUrl.href.replace(/\/+$/, '')}${prefix}${rel === '/' && prefix ? '/' : rel}`);
  }
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null) continue;
    url.searchParams.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return url;
}

/** The account a call is about (for BUC pacing): the first numeric path segment after the version. */
export function accountOf(url: URL, version: string): string | undefined {
  const segments = url.pathname.split('/').filter((s) => s !== '' && s !== version && !/^v\d+\.\d+$/.test(s));
  const first = segments[0];
  return first !== undefined && /^\d+$/.test(first) ? first : undefined;
}
