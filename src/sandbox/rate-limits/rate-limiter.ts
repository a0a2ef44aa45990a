/**
 * The sandbox's rate limits (graph-api.md §7): rolling-window counters for the app, each user, each
 * Page and each managed Instagram account, the usage headers they produce, and the throttling
 * error once a budget is used up. Usage is reported in percent, as Meta does:
 *   X-App-Usage: {"call_count":28,"total_time":25,"total_cputime":25}
 *   X-Business-Use-Case-Usage: {"<business id>":[{"type":"instagram",...}],"<ig id>":[{...}]}
 * total_time counts each call as 1 plus 1 per MiB of response body; total_cputime is 80 % of it.
 */
import type { Clock } from '../clock.js';
import type { GraphError } from '../graph-error.js';
import type { IgAccountRecord, World } from '../data/world.js';
import type { CallScope } from './call-scope.js';
import { resolveRateLimit, type RateLimitOptions, type ResolvedRateLimit } from './rate-limit-options.js';
import { throttleError, type ThrottleCode } from './throttle-errors.js';
import { UsageWindow } from './usage-window.js';

const MIB = 1024 * 1024;

/** One counter's state, in Meta's units. */
export interface Usage {
  /** Calls in the window (not a percentage). */
  readonly calls: number;
  readonly call_count: number;
  readonly total_time: number;
  readonly total_cputime: number;
  /** Minutes until usage is below 100 % again; 0 when not throttled. */
  readonly estimated_time_to_regain_access: number;
}

export interface UsageSnapshot {
  readonly app: Usage;
  readonly users: Readonly<Record<string, Usage>>;
  readonly pages: Readonly<Record<string, Usage>>;
  readonly igAccounts: Readonly<Record<string, Usage>>;
}

/** Forces a throttled-looking header (fault injection): the counter of `code` shows ≥ 100 %. */
export interface ForcedUsage {
  readonly code: ThrottleCode;
  readonly regainMinutes: number;
}

function percent(value: number, budget: number): number {
  return budget === Infinity ? 0 : Math.floor((value * 100) / budget);
}

export class RateLimiter {
  readonly #clock: Clock;
  readonly #world: World;
  #options: ResolvedRateLimit;
  #app!: UsageWindow;
  readonly #users = new Map<string, UsageWindow>();
  readonly #pages = new Map<string, UsageWindow>();
  readonly #accounts = new Map<string, UsageWindow>();

  constructor(clock: Clock, world: World, options: ResolvedRateLimit) {
    this.#clock = clock;
    this.#world = world;
    this.#options = options;
    this.reset();
  }

  get options(): ResolvedRateLimit {
    return this.#options;
  }

  /** Changes budgets at run time (counts are kept unless the window length changes). */
  configure(options: RateLimitOptions): void {
    const next = resolveRateLimit(options, this.#options);
    const windowChanged = next.windowMs !== this.#options.windowMs;
    this.#options = next;
    if (windowChanged) this.reset();
  }

  /** Forgets every count. */
  reset(): void {
    this.#app = new UsageWindow(this.#options.windowMs);
    this.#users.clear();
    this.#pages.clear();
    this.#accounts.clear();
  }

  #window(map: Map<string, UsageWindow>, id: string): UsageWindow {
    let window = map.get(id);
    if (window === undefined) map.set(id, (window = new UsageWindow(this.#options.windowMs)));
    return window;
  }

  /** The windows a scope counts against, with their budget and throttling code, most specific first. */
  #counters(scope: CallScope): { window: UsageWindow; budget: number; code: ThrottleCode }[] {
    const o = this.#options;
    const list: { window: UsageWindow; budget: number; code: ThrottleCode }[] = scope.accounts.map((a) => ({ window: this.#window(this.#accounts, a.id), budget: o.bucCalls, code: 80002 }));
    if (scope.pageId !== undefined) list.push({ window: this.#window(this.#pages, scope.pageId), budget: o.pageCalls, code: 32 });
    if (scope.userId !== undefined) list.push({ window: this.#window(this.#users, scope.userId), budget: o.userCalls, code: 17 });
    if (scope.app) list.push({ window: this.#app, budget: o.appCalls, code: 4 });
    return list;
  }

  /**
   * Counts the call (also when it is refused: calls made while throttled keep the block, as Meta
   * warns) and returns the throttling error when a budget was already used up before it.
   */
  admit(scope: CallScope): GraphError | undefined {
    const now = this.#clock.now();
    const counters = this.#counters(scope);
    const exhausted = counters.find(({ window, budget }) => {
      const totals = window.totals(now);
      return totals.calls >= budget || totals.cost >= budget;
    });
    for (const { window } of counters) window.add(now, scope.calls, scope.calls);
    return exhausted === undefined ? undefined : throttleError(exhausted.code, this.headers(scope));
  }

  /** Adds the cost of the response body to the scope's counters. */
  addCost(scope: CallScope, bodyBytes: number): void {
    const now = this.#clock.now();
    for (const { window } of this.#counters(scope)) window.add(now, 0, bodyBytes / MIB);
  }

  #usage(window: UsageWindow, budget: number): Usage {
    const now = this.#clock.now();
    const { calls, cost } = window.totals(now);
    const regainMs = window.regainMs(now, budget);
    return {
      calls, call_count: percent(calls, budget), total_time: percent(cost, budget), total_cputime: percent(cost * 0.8, budget),
      estimated_time_to_regain_access: regainMs === 0 || budget === Infinity ? 0 : Math.max(1, Math.ceil(regainMs / 60_000)),
    };
  }

  #businessId(account: IgAccountRecord): string | undefined {
    const page = account.pageIndex === undefined ? undefined : this.#world.pages[account.pageIndex];
    return page === undefined ? undefined : this.#world.businesses[page.businessIndex]?.id;
  }

  /** The usage headers of a call in this scope (the app header for user/app tokens, the BUC header for IG accounts and Page tokens). */
  headers(scope: CallScope, forced?: ForcedUsage): Record<string, string> {
    const o = this.#options;
    const headers: Record<string, string> = {};
    const force = (usage: Usage, codes: readonly ThrottleCode[]): Usage =>
      forced === undefined || !codes.includes(forced.code) ? usage
        : { ...usage, call_count: Math.max(100, usage.call_count), estimated_time_to_regain_access: forced.regainMinutes };
    const app = this.#usage(this.#app, o.appCalls);
    const appForced = forced !== undefined && (forced.code === 4 || forced.code === 17 || forced.code === 613 || (forced.code === 32 && scope.pageId === undefined));
    if ((scope.app && app.calls >= o.headerAfterCalls) || appForced) {
      const shown = force(app, [4, 17, 613, 32]);
      headers['X-App-Usage'] = JSON.stringify({ call_count: shown.call_count, total_time: shown.total_time, total_cputime: shown.total_cputime });
    }
    const buc: Record<string, unknown[]> = {};
    let accounts = scope.accounts;
    if (forced?.code === 80002 && accounts.length === 0) accounts = this.#world.igAccounts.filter((a) => a.managed).slice(0, 1);
    for (const account of accounts) {
      const usage = force(this.#usage(this.#window(this.#accounts, account.id), o.bucCalls), [80002]);
      if (usage.calls < o.headerAfterCalls && forced?.code !== 80002) continue;
      const entry = [{ type: 'instagram', call_count: usage.call_count, total_cputime: usage.total_cputime, total_time: usage.total_time, estimated_time_to_regain_access: usage.estimated_time_to_regain_access }];
      const business = this.#businessId(account);
      if (business !== undefined && buc[business] === undefined) buc[business] = entry;
      buc[account.id] = entry;
    }
    if (scope.pageId !== undefined) {
      const usage = force(this.#usage(this.#window(this.#pages, scope.pageId), o.pageCalls), [32]);
      if (usage.calls >= o.headerAfterCalls || forced?.code === 32) {
        buc[scope.pageId] = [{ type: 'pages', call_count: usage.call_count, total_cputime: usage.total_cputime, total_time: usage.total_time, estimated_time_to_regain_access: usage.estimated_time_to_regain_access }];
      }
    }
    if (Object.keys(buc).length > 0) headers['X-Business-Use-Case-Usage'] = JSON.stringify(buc);
    return headers;
  }

  /** Every counter's usage now (for tests and benchmarks). */
  usage(): UsageSnapshot {
    const o = this.#options;
    const each = (map: Map<string, UsageWindow>, budget: number) => Object.fromEntries([...map].map(([id, w]) => [id, this.#usage(w, budget)]));
    return {
      app: this.#usage(this.#app, o.appCalls), users: each(this.#users, o.userCalls), pages: each(this.#pages, o.pageCalls),
      igAccounts: each(this.#accounts, o.bucCalls),
    };
  }
}
