/**
 * `since` / `until` values: a Unix timestamp or a strtotime()-style date, as the Graph API accepts
 * (graph-api.md §3 "Time paging"). Supported: `1716160000`, ISO dates and times (`2026-05-19`,
 * `2026-05-19T23:27:28+0000`), `now`, `today`, `yesterday`, `tomorrow`, `+2 days`, `-1 week`,
 * `3 hours ago`. Relative forms are read against the sandbox clock.
 */
import { invalidParameter } from '../graph-error.js';

const UNIT_MS: Readonly<Record<string, number>> = {
  sec: 1000, second: 1000, min: 60_000, minute: 60_000, hour: 3600_000, day: 86_400_000,
  week: 7 * 86_400_000, fortnight: 14 * 86_400_000, month: 30 * 86_400_000, year: 365 * 86_400_000,
};

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / 86_400_000) * 86_400_000;
}

/** Epoch ms for a since/until value, or undefined when it cannot be read. */
export function parseTimeValue(value: string, nowMs: number): number | undefined {
  const text = value.trim().toLowerCase();
  if (/^-?\d+$/.test(text)) return Number(text) * 1000;
  switch (text) {
    case 'now': return nowMs;
    case 'today': case 'midnight': return startOfUtcDay(nowMs);
    case 'yesterday': return startOfUtcDay(nowMs) - 86_400_000;
    case 'tomorrow': return startOfUtcDay(nowMs) + 86_400_000;
  }
  const relative = /^([+-]?\d+)\s*([a-z]+?)s?(\s+ago)?$/.exec(text);
  if (relative !== null) {
    const unit = UNIT_MS[relative[2]!];
    if (unit === undefined) return undefined;
    const n = Number(relative[1]) * (relative[3] === undefined ? 1 : -1);
    return nowMs + n * unit;
  }
  const iso = value.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const parsed = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** since/until parameters as epoch ms (each optional); throws (#100) for unreadable values. */
export function timeWindow(params: Readonly<Record<string, string>>, nowMs: number): { sinceMs?: number; untilMs?: number } {
  const out: { sinceMs?: number; untilMs?: number } = {};
  for (const name of ['since', 'until'] as const) {
    const raw = params[name];
    if (raw === undefined || raw === '') continue;
    const ms = parseTimeValue(raw, nowMs);
    if (ms === undefined) throw invalidParameter(`The parameter ${name} must be a Unix timestamp or a strtotime() date, got "${raw}"`);
    out[name === 'since' ? 'sinceMs' : 'untilMs'] = ms;
  }
  return out;
}
