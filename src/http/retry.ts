import { IgsqlError } from '../errors.js';

/** Time and randomness, injectable so tests of backoff, rate limits and pacing run instantly. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortError(signal));
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortError(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** The IgsqlError for an aborted caller signal: its reason if typed, `timeout` for AbortSignal.timeout, else `cancelled`. */
export function abortError(signal: AbortSignal): IgsqlError {
  const reason: unknown = signal.reason;
  if (IgsqlError.is(reason)) return reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return new IgsqlError('timeout', 'The query ran past its deadline (Timeout) and was stopped.', { cause: reason });
  }
  return new IgsqlError('cancelled', 'The query was cancelled.', { cause: reason });
}

export interface BackoffOptions {
  /** First delay (ms). Default 500. */
  baseMs?: number;
  /** Largest delay (ms). Default 30 000. */
  capMs?: number;
}

/** Exponential backoff with jitter ("equal jitter"): random in [0.5, 1] × min(cap, base × 2^attempt). */
export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 500;
  const cap = options.capMs ?? 30_000;
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling * (0.5 + random() / 2));
}
