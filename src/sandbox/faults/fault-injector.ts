/**
 * Decides which request gets which fault: scripted rules first (in order; each rule counts the
 * requests it matches, so `nth: 3` is the third matching request), then, for HTTP requests, one
 * seeded random draw per request (made for every HTTP request, so the sequence of random faults
 * depends only on the seed and the order of requests). Keeps the log and counts of what it injected.
 */
import type { RequestContext } from '../context.js';
import { rngFor, type Rng } from '../data/rng.js';
import { FAULT_KINDS, resolveFaults, type Fault, type FaultKind, type FaultRule, type FaultSpec, type ResolvedFaults, type ResolvedRule } from './fault-options.js';

export interface InjectedFault {
  /** Epoch ms (sandbox clock). */
  readonly at: number;
  readonly kind: FaultKind;
  readonly method: string;
  /** Path without version. */
  readonly path: string;
  readonly source: string;
  /** Index of the script rule that fired; undefined for a random fault. */
  readonly rule: number | undefined;
}

export interface FaultCounts {
  readonly total: number;
  readonly byKind: Readonly<Record<FaultKind, number>>;
}

interface RuleState {
  readonly rule: ResolvedRule;
  matched: number;
  fired: number;
}

export class FaultInjector {
  #rate: number;
  #kinds: readonly Fault[];
  #rules: RuleState[] = [];
  readonly #rng: Rng;
  readonly #injected: InjectedFault[] = [];
  #byKind = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;

  constructor(resolved: ResolvedFaults, fallbackSeed: number) {
    this.#rate = resolved.rate;
    this.#kinds = resolved.kinds;
    this.#rules = resolved.script.map((rule) => ({ rule, matched: 0, fired: 0 }));
    this.#rng = rngFor(resolved.seed ?? fallbackSeed, 'faults');
  }

  /** The fault for this request, if any (and records it). */
  choose(ctx: RequestContext): Fault | undefined {
    let chosen: { fault: Fault; rule: number | undefined } | undefined;
    this.#rules.forEach((state, index) => {
      const { rule } = state;
      if (rule.method !== undefined && rule.method !== ctx.method) return;
      if (rule.source !== undefined && rule.source !== ctx.source) return;
      if (rule.path !== undefined && !rule.path.test(ctx.path)) return;
      state.matched++;
      if (chosen !== undefined || state.fired >= rule.times) return;
      if (rule.nth !== undefined && !rule.nth.includes(state.matched)) return;
      state.fired++;
      chosen = { fault: rule.fault, rule: index };
    });
    if (ctx.source === 'http' && this.#rate > 0) {
      const hit = this.#rng.next() < this.#rate;
      const pick = this.#kinds[this.#rng.int(this.#kinds.length)]!;
      if (hit && chosen === undefined) chosen = { fault: pick, rule: undefined };
    }
    if (chosen === undefined) return undefined;
    this.#injected.push({ at: ctx.clock.now(), kind: chosen.fault.kind, method: ctx.method, path: ctx.path, source: ctx.source, rule: chosen.rule });
    this.#byKind[chosen.fault.kind]++;
    return chosen.fault;
  }

  /** Every injected fault, oldest first. */
  get injected(): readonly InjectedFault[] {
    return this.#injected;
  }

  counts(): FaultCounts {
    return { total: this.#injected.length, byKind: { ...this.#byKind } };
  }

  /** Changes the random rate (and kinds) at run time. */
  setRate(rate: number, kinds?: readonly FaultSpec[]): void {
    const resolved = resolveFaults({ rate, ...(kinds === undefined ? {} : { kinds }) });
    this.#rate = resolved.rate;
    if (kinds !== undefined) this.#kinds = resolved.kinds;
  }

  /** Adds scripted rules after the existing ones. */
  script(rules: readonly FaultRule[]): void {
    this.#rules.push(...resolveFaults({ script: rules }).script.map((rule) => ({ rule, matched: 0, fired: 0 })));
  }

  /** Removes every rule and stops random faults. */
  clear(): void {
    this.#rules = [];
    this.#rate = 0;
  }

  /** Forgets the injected-fault log and counts. */
  resetCounts(): void {
    this.#injected.length = 0;
    for (const kind of FAULT_KINDS) this.#byKind[kind] = 0;
  }
}
