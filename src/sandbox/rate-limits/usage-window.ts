/**
 * A rolling usage window: calls and cost summed over the last `windowMs`, kept in 60 slices so
 * usage decays slice by slice as the (injectable) clock moves, without storing one entry per call.
 */

export const SLICES = 60;

export interface WindowTotals {
  calls: number;
  cost: number;
}

export class UsageWindow {
  readonly #sliceMs: number;
  readonly #slices = new Map<number, WindowTotals>();

  constructor(windowMs: number) {
    this.#sliceMs = windowMs / SLICES;
  }

  #slice(now: number): number {
    return Math.floor(now / this.#sliceMs);
  }

  /** Drops slices that left the window. */
  #prune(now: number): void {
    const oldest = this.#slice(now) - SLICES + 1;
    for (const key of this.#slices.keys()) if (key < oldest) this.#slices.delete(key);
  }

  add(now: number, calls: number, cost: number): void {
    this.#prune(now);
    const key = this.#slice(now);
    const slice = this.#slices.get(key);
    if (slice === undefined) this.#slices.set(key, { calls, cost });
    else {
      slice.calls += calls;
      slice.cost += cost;
    }
  }

  totals(now: number): WindowTotals {
    this.#prune(now);
    let calls = 0;
    let cost = 0;
    for (const slice of this.#slices.values()) {
      calls += slice.calls;
      cost += slice.cost;
    }
    return { calls, cost };
  }

  /** Milliseconds until both calls and cost in the window are below `budget` again (0 if they are). */
  regainMs(now: number, budget: number): number {
    let { calls, cost } = this.totals(now);
    if (calls < budget && cost < budget) return 0;
    for (const key of [...this.#slices.keys()].sort((a, b) => a - b)) {
      const slice = this.#slices.get(key)!;
      calls -= slice.calls;
      cost -= slice.cost;
      if (calls < budget && cost < budget) return Math.max(0, Math.ceil((key + SLICES) * this.#sliceMs - now));
    }
    return 0;
  }
}
