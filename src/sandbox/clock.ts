/**
 * The sandbox's notion of "now". Everything time-dependent (token expiry, stories' 24-hour window,
 * hashtag `recent_media`, the anchor of the generated media timeline) reads it through a {@link Clock},
 * so tests can inject a {@link ManualClock} and move time forward.
 */

/** A source of the current time in epoch milliseconds. */
export interface Clock {
  now(): number;
}

/** The real wall clock. */
export const systemClock: Clock = Object.freeze({ now: () => Date.now() });

/** A clock that only moves when told to. */
export interface ManualClock extends Clock {
  /** Moves time forward by `ms` (may be negative). */
  advance(ms: number): void;
  /** Sets the time to `epochMs`. */
  set(epochMs: number): void;
}

/** A {@link ManualClock} starting at `startMs` (epoch ms, or an ISO date string). */
export function createManualClock(start: number | string | Date = Date.now()): ManualClock {
  let current = typeof start === 'number' ? start : new Date(start).getTime();
  if (!Number.isFinite(current)) throw new TypeError(`createManualClock: not a valid time: ${String(start)}`);
  return {
    now: () => current,
    advance(ms: number) {
      current += ms;
    },
    set(epochMs: number) {
      current = epochMs;
    },
  };
}

/** Accepts what `startSandbox({ clock })` accepts: a Clock or a function returning epoch ms. */
export function toClock(value: Clock | (() => number) | undefined): Clock {
  if (value === undefined) return systemClock;
  if (typeof value === 'function') return { now: value };
  return value;
}

/** Epoch seconds, the unit of `expires_at`, `since`, `until`. */
export function unixSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000);
}

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
/** `YYYY-MM-DDT` by day number (bounded: a scan touches a few hundred days). */
const dayPrefixes = new Map<number, string>();

/** `2026-05-19T23:27:28+0000`: the Graph API timestamp format (UTC, offset without a colon). */
export function graphTimestamp(epochMs: number): string {
  const ms = Math.trunc(epochMs); // as Date's TimeClip does
  const day = Math.floor(ms / DAY_MS);
  if (!Number.isFinite(day) || Math.abs(ms) > 8.64e15) return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, '+0000');
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    if (dayPrefixes.size >= 4096) dayPrefixes.clear();
    prefix = new Date(day * DAY_MS).toISOString().slice(0, -13);
    dayPrefixes.set(day, prefix);
  }
  const seconds = Math.floor((ms - day * DAY_MS) / 1000);
  const minutes = Math.floor(seconds / 60);
  return `${prefix}${TWO_DIGITS[Math.floor(minutes / 60)]!}:${TWO_DIGITS[minutes % 60]!}:${TWO_DIGITS[seconds % 60]!}+0000`;
}
