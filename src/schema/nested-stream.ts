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
 * Nesting can be two deep (Replies: media → comments → replies): the items of an upper level are
 * parents of the next, each continued in its turn, and only the last level's items are rows.
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

/** The values an item's row takes from its parents (MediaId, CommentId, AccountId). */
type Extra = Readonly<Record<string, SqlValue>>;

interface Received {
  readonly items: readonly GraphNode[];
  readonly extra: Extra;
}

/** One level of nesting: the edge under each parent, and the fields (with any deeper nesting) of its items. */
export interface NestedLevel {
  readonly edge: string;
  readonly fields: string;
  /** An upper level's item as the parent of the next level: the values its items' rows take from it. */
  readonly extraOf?: (item: GraphNode, extra: Extra) => Extra;
}

/** A parent to continue at `level`, with the values its items' rows take from it. */
interface Cursor extends Pending {
  readonly extra: Extra;
  readonly level: number;
}

/**
 * Rows of every item of the last of `levels` under every parent of `parentPages`: the nested page
 * of each parent, then its following pages (batches of up to 50 cursors of one level, at most
 * `ctx.api.concurrency` requests at once besides the parent page). A parent that vanished
 * meanwhile is skipped with a warning; any other error fails the scan at the consumer's next
 * read. When the consumer stops, no request starts and the parent pages are closed.
 */
export async function* rowsAsAnswered(
  ctx: ViewContext,
  parentPages: AsyncIterable<readonly RowParent[]>,
  levels: readonly NestedLevel[],
  limit: number,
  active: readonly GraphColumn[],
): AsyncGenerator<Row[]> {
  const last = levels.length - 1;
  const parents = parentPages[Symbol.asyncIterator]();
  const received: Received[] = [];
  let receivedRows = 0;
  const cursors: Cursor[][] = levels.map(() => []); // per level: a batch continues one edge
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
  const receive = (items: readonly GraphNode[], extra: Extra): void => {
    if (items.length === 0) return;
    received.push({ items, extra });
    receivedRows += items.length;
  };
  /** Items of `level` under one parent: rows at the last level, else parents of the next. */
  const onItems = (items: readonly GraphNode[], extra: Extra, level: number): void => {
    if (level === last) receive(items, extra);
    else for (const item of items) onParent(item, levels[level]!.extraOf?.(item, extra) ?? extra, level + 1);
  };
  const onParent = (node: GraphNode, extra: Extra, level: number): void => {
    const { edge } = levels[level]!;
    const nested = nestedPage(node, edge);
    onItems(nested.items, extra, level);
    const unread = !ctx.api.grouping && node[edge] === undefined; // grouping off: read without the edge
    if (nested.after !== undefined || unread) cursors[level]!.push({ parent: String(node['id']), after: nested.after, extra, level });
  };
  const onAnswers = (group: readonly Cursor[], answers: readonly (GraphNode | GraphApiError)[]): void => {
    answers.forEach((answer, i) => {
      const { parent, extra, level } = group[i]!;
      const page = continuedPage(ctx, parent, levels[level]!.edge, answer);
      if (page === undefined) return;
      onItems(page.items, extra, level);
      if (page.after !== undefined) cursors[level]!.push({ parent, after: page.after, extra, level });
    });
  };
  /** Starts what may start: the next parent page, and batches of cursors (partial only when nothing else could add to them). */
  const pump = (): void => {
    if (failure !== undefined || stopped || receivedRows >= ROWS_AHEAD) return;
    if (!parentsDone && parentPage === undefined) {
      parentPage = parents.next().then((next) => {
        parentPage = undefined;
        if (next.done) parentsDone = true;
        else for (const { node, extra } of next.value) onParent(node, extra, 0);
        pump();
        notify();
      }).catch(fail);
    }
    for (let level = last; level >= 0; level--) { // the deepest first: its items are rows
      const queue = cursors[level]!;
      while (queue.length > 0 && continuing < ctx.api.concurrency && (queue.length >= BATCH_MAX || (continuing === 0 && parentPage === undefined))) {
        continueLevel(queue.splice(0, BATCH_MAX), level);
      }
    }
  };
  const continueLevel = (group: Cursor[], level: number): void => {
    continuing++;
    continueAll(ctx, group, levels[level]!.edge, levels[level]!.fields, limit).then((answers) => {
      continuing--;
      if (stopped) return;
      onAnswers(group, answers);
      pump();
      notify();
    }).catch(fail);
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
        // a turn of the event loop: handing out 10,000 received rows is promise callbacks only,
        // ~30 ms during which no answer could be read (a media page's included, the scan's
        // critical path); turns every 500 rows cut the event loop's p99 delay ~35 → ~28 ms in W7
        await new Promise(setImmediate);
        continue;
      }
      if (parentsDone && parentPage === undefined && continuing === 0 && cursors.every((queue) => queue.length === 0)) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stopped = true;
    if (!parentsDone) await parents.return?.(undefined);
  }
}
