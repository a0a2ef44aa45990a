import type { Clock } from '../../src/http/retry.js';

/** A clock whose sleeps return at once and advance time: backoff and rate-limit tests run instantly. */
export class FakeClock implements Clock {
  time = 1_700_000_000_000;
  readonly sleeps: number[] = [];

  now = (): number => this.time;
  random = (): number => 0.5;
  sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    this.time += ms;
  };
}
