/**
 * A full scan of nested items (every comment of every media) whose rows are handed on as the
 * answers arrive, not parent page by parent page.
 *
 * Why: a parent page's items are complete only after a few rounds of batches (its media with
 * hundreds of comments are continued 50 at a time), so a scan that hands out whole pages in order
 * must hold several pages while their rounds run (Little's law: rows in flight = rows a second ×
 * seconds a page). Here nothing waits for its page: the parent pages are read in turn, every
 * answer's items go to the consumer at once, and the cursors they bring are continued together,
 * 50 to a batch whatever page they came from. What is held is the answers the consumer has not
 * reached yet, and no request starts while those are more than ROWS_AHEAD rows.
 *
 * The order: each parent's items stay in edge order (a parent's next page is asked only after
 * its previous one arrived), but the items of different parents interleave as the answers come,
 * the way a parallel scan in a database returns rows in no fixed order. A query that needs an
 * order says ORDER BY; under a pushed LIMIT the views read parent by parent instead (rowsLazily).
 */
import type { GraphApiError } from '../errors.js';
import { toRow, type GraphColumn } from './graph-columns.js';
import { continueAll, continuedPage, nestedPage, type Pending, type RowParent } from './nested-rest.js';
import { BATCH_MAX } from './scan.js';
import type { Row, SqlValue } from './types.js';
import type { GraphNode, ViewContext } from './view-api.js';

/**
 * Rows received and not yet read past which no request starts. Two nested media pages' worth
 * (100 media × 50 comments): enough that the consumer never waits while answers are under way,
 * small next to what whole-page ordering held (see docs/performance.md, W7).
 */
export const ROWS_AHEAD = 10_000;

/** Rows handed on at a time (a parent page's 5,000 are not all made alive at once downstream). */
const ROWS_PER_BATCH = 500;

interface Received {
  readonly items: readonly GraphNode[];
  readonly extra: Readonly<Record<string, SqlValue>>;
}

/** A parent to continue, with the values its items' rows take from it. */
interface Cursor extends Pending {
  readonly extra: Readonly<Record<string, SqlValue>>;
}

/**
 * Rows of every item of `edge` under every parent of `parentPages`: the nested page of each
 * parent, then its following pages (batches of up to 50 cursors, at most `ctx.api.concurrency`
 * requests at once besides the parent page). A parent that vanished meanwhile is skipped with a
 * warning; any other error fails the scan at the consumer's next read. When the consumer stops,
 * no request starts and the parent pages are closed.
 */
export async function* rowsAsAnswered(
  ctx: ViewContext,
  parentPages: AsyncIterable<readonly RowParent[]>,
  edge: string,
  fields: string,
  limit: number,
  active: readonly GraphColumn[],
): AsyncGenerator<Row[]> {
  const parents = parentPages[Symbol.asyncIterator]();
  const received: Received[] = [];
  let receivedRows = 0;
  const cursors: Cursor[] = [];
  let parentPage: Promise<void> | undefined;
  let parentsDone = false;
  let continuing = 0;
  let failure: { error: unknown } | undefined;
  let stopped = false;
  let wake: (() => void) | undefined;

  const notify = (): void => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const fail = (error: unknown): void => {
    failure ??= { error };
    notify();
  };
  const receive = (items: readonly GraphNode[], extra: Readonly<Record<string, SqlValue>>): void => {
    if (items.length === 0) return;
    received.push({ items, extra });
    receivedRows += items.length;
  };
  const onParents = (page: readonly RowParent[]): void => {
    for (const { node, extra } of page) {
      const nested = nestedPage(node, edge);
      receive(nested.items, extra);
      const unread = !ctx.api.grouping && node[edge] === undefined; // grouping off: read without the edge
      if (nested.after !== undefined || unread) cursors.push({ parent: String(node['id']), after: nested.after, extra });
    }
  };
  const onAnswers = (group: readonly Cursor[], answers: readonly (GraphNode | GraphApiError)[]): void => {
    answers.forEach((answer, i) => {
      const { parent, extra } = group[i]!;
      const page = continuedPage(ctx, parent, edge, answer);
      if (page === undefined) return;
      receive(page.items, extra);
      if (page.after !== undefined) cursors.push({ parent, after: page.after, extra });
    });
  };
  /** Starts what may start: the next parent page, and batches of cursors (partial only when nothing else could add to them). */
  const pump = (): void => {
    if (failure !== undefined || stopped || receivedRows >= ROWS_AHEAD) return;
    if (!parentsDone && parentPage === undefined) {
      parentPage = parents.next().then((next) => {
        parentPage = undefined;
        if (next.done) parentsDone = true;
        else onParents(next.value);
        pump();
        notify();
      }).catch(fail);
    }
    while (cursors.length > 0 && continuing < ctx.api.concurrency && (cursors.length >= BATCH_MAX || (continuing === 0 && parentPage === undefined))) {
      const group = cursors.splice(0, BATCH_MAX);
      continuing++;
      continueAll(ctx, group, edge, fields, limit).then((answers) => {
        continuing--;
        if (stopped) return;
        onAnswers(group, answers);
        pump();
        notify();
      }).catch(fail);
    }
  };

  try {
    pump();
    for (;;) {
      if (failure !== undefined) throw failure.error;
      if (received.length > 0) {
        const rows: Row[] = [];
        while (received.length > 0 && rows.length < ROWS_PER_BATCH) {
          const { items, extra } = received.shift()!;
          receivedRows -= items.length;
          for (const item of items) rows.push(toRow(active, item, extra));
        }
        pump();
        yield rows;
        continue;
      }
      if (parentsDone && parentPage === undefined && continuing === 0 && cursors.length === 0) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stopped = true;
    if (!parentsDone) await parents.return?.(undefined);
  }
}
