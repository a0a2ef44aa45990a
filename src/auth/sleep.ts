import { IgsqlError } from '../errors.js';

/** The `cancelled` error for an aborted signal (its reason when that is already an IgsqlError). */
export function abortError(signal: AbortSignal): IgsqlError {
  const reason: unknown = signal.reason;
  if (IgsqlError.is(reason)) return reason;
  return new IgsqlError('cancelled', 'The operation was cancelled.', { cause: reason });
}

/** Waits `ms`, or rejects with `cancelled` when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
