/**
 * Reading the predicates the planner pushed into a view: the values of `=` / `IN` on a column,
 * the range of a Datetime column, the single value of an input (pseudo) column.
 */
import { IgsqlError } from '../errors.js';
import { concatAhead } from './fetch-helpers.js';
import type { FetchContext, PushedPredicate } from './define-view.js';
import { toDate } from './graph-columns.js';
import type { SqlValue } from './types.js';
import type { AccountRef, ViewContext } from './view-api.js';

function predicatesOn(ctx: FetchContext<unknown>, column: string): PushedPredicate[] {
  const lower = column.toLowerCase();
  return ctx.predicates.filter((p) => p.column.toLowerCase() === lower);
}

/**
 * The set of values a column is restricted to by `=` and `IN` predicates (intersected when there
 * are several), as strings; `undefined` when the column is not restricted.
 */
export function pushedValues(ctx: FetchContext<unknown>, column: string): string[] | undefined {
  let result: string[] | undefined;
  for (const p of predicatesOn(ctx, column)) {
    let values: readonly SqlValue[];
    if (p.op === '=') values = [p.value as SqlValue];
    else if (p.op === 'in') values = p.value as readonly SqlValue[];
    else continue;
    const strings = unique(values.filter((v) => v !== null).map((v) => (v instanceof Date ? v.toISOString() : String(v))));
    result = result === undefined ? strings : result.filter((v) => strings.includes(v));
  }
  return result;
}

/** The single value of an input column (`WHERE Period = 'day'`), or undefined. */
export function pushedValue(ctx: FetchContext<unknown>, column: string): string | undefined {
  const values = pushedValues(ctx, column);
  if (values === undefined) return undefined;
  if (values.length > 1) {
    throw new IgsqlError('sql-plan', `${column} takes one value here, but the query gives ${values.length} (${values.join(', ')}); use ${column} = '...'.`);
  }
  return values[0];
}

export interface TimeRange {
  /** Inclusive lower bound (rows at exactly this instant pass when `sinceInclusive`). */
  readonly since?: Date;
  readonly sinceInclusive: boolean;
  readonly until?: Date;
  readonly untilInclusive: boolean;
}

/** The tightest range that `<`, `<=`, `>`, `>=` and `=` predicates put on a Datetime column. */
export function pushedRange(ctx: FetchContext<unknown>, column: string): TimeRange {
  let since: Date | undefined;
  let sinceInclusive = true;
  let until: Date | undefined;
  let untilInclusive = true;
  for (const p of predicatesOn(ctx, column)) {
    const at = toDate(p.value);
    if (at === null) continue;
    const lower = p.op === '>' || p.op === '>=' || p.op === '=';
    const upper = p.op === '<' || p.op === '<=' || p.op === '=';
    if (lower && (since === undefined || at > since || (at.getTime() === since.getTime() && p.op === '>'))) {
      since = at;
      sinceInclusive = p.op !== '>';
    }
    if (upper && (until === undefined || at < until || (at.getTime() === until.getTime() && p.op === '<'))) {
      until = at;
      untilInclusive = p.op !== '<';
    }
  }
  return { ...(since ? { since } : {}), sinceInclusive, ...(until ? { until } : {}), untilInclusive };
}

/** Whether an instant lies in the range (used to post-filter rows the API returned). */
export function inRange(range: TimeRange, at: Date | null): boolean {
  if (at === null) return range.since === undefined && range.until === undefined;
  const t = at.getTime();
  if (range.since) {
    const s = range.since.getTime();
    if (t < s || (t === s && !range.sinceInclusive)) return false;
  }
  if (range.until) {
    const u = range.until.getTime();
    if (t > u || (t === u && !range.untilInclusive)) return false;
  }
  return true;
}

/** The range as Graph `since` / `until` unix seconds (widened to whole seconds). */
export function rangeParams(range: TimeRange): { since?: number; until?: number } {
  return {
    ...(range.since ? { since: Math.floor(range.since.getTime() / 1000) } : {}),
    ...(range.until ? { until: Math.ceil(range.until.getTime() / 1000) } : {}),
  };
}

/**
 * The IG accounts a scan covers: the ones named by `AccountId = / IN` (no lookup needed), else
 * every account in the connection's scope.
 */
export async function accountsInScope(ctx: ViewContext): Promise<readonly AccountRef[]> {
  const named = pushedValues(ctx, 'AccountId');
  // Naming an account in WHERE must not cost a lookup call: the id is all a scan needs.
  if (named !== undefined) return named.map((id) => ({ id }));
  return ctx.api.accounts(ctx.signal);
}

/**
 * `read(account)` for every account in scope, one account after the other (rows grouped by
 * account), with the next `ahead` accounts' first pages asked while one is read; none under a
 * pushed LIMIT, where the query may stop early (concatAhead).
 */
export async function* acrossAccounts<T>(ctx: ViewContext, read: (account: AccountRef) => AsyncIterator<T>, ahead = 1): AsyncGenerator<T> {
  const accounts = await accountsInScope(ctx);
  yield* concatAhead(accounts.map((account) => () => read(account)), ctx.limit === undefined ? ahead : 0);
}

/**
 * The one account the query names (`AccountId = x`), else null: the AccountId of rows whose own
 * answer does not say which account they belong to (a comment read by id).
 */
export function namedAccount(ctx: FetchContext<unknown>): string | null {
  const accounts = pushedValues(ctx, 'AccountId');
  return accounts?.length === 1 ? accounts[0]! : null;
}

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}


/** The account that calls on behalf of the query (hashtag search, business discovery): AccountId or the first in scope. */
export async function actingAccount(ctx: ViewContext, viewName: string): Promise<string> {
  const accounts = await accountsInScope(ctx);
  const first = accounts[0];
  if (first === undefined) {
    throw new IgsqlError('sql-plan', `${viewName} needs an Instagram professional account to call as, and the token sees none; set BusinessAccountId or filter on AccountId.`);
  }
  return first.id;
}

/**
 * The spelling to put in a row for an input the view canonicalises (`Period = '28 days'` is sent
 * as days_28): the user's own value when it names the same thing, so the engine's re-check of the
 * WHERE clause keeps the row; else the canonical value.
 */
export function echo(ctx: FetchContext<unknown>, column: string, canonical: string, normalize: (value: string) => string = (v) => v.toLowerCase()): string {
  for (const value of pushedValues(ctx, column) ?? []) {
    try {
      if (normalize(value) === canonical) return value;
    } catch {
      // not this one
    }
  }
  return canonical;
}
