import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { GraphApiError } from '../../../src/errors.js';
import { col } from '../../../src/schema/graph-columns.js';
import type { RowParent } from '../../../src/schema/nested-rest.js';
import { ROWS_AHEAD, rowsAsAnswered } from '../../../src/schema/nested-stream.js';
import type { GraphNode, ViewContext } from '../../../src/schema/view-api.js';

const active = [col('Id', 'String', 'item id', { field: 'id' }), col('ParentId', 'String', 'parent id')];
const gone = () => new GraphApiError({ message: "Unsupported get request. Object with ID 'p' does not exist", type: 'GraphMethodException', code: 100, error_subcode: 33 }, 400);
const badField = () => new GraphApiError({ message: '(#100) Tried accessing nonexisting field (x) on node type (IGMedia)', type: 'OAuthException', code: 100 }, 400);

/**
 * Parents `p0…` with `counts[i]` items each, `size` to a page: the nested page in the parent, the
 * rest by batch (`after` = the offset reached). Answers come after `delay(n)` ms (n-th request).
 */
function world(pages: readonly (readonly number[])[], size: number, options: { delay?: (n: number) => number; answer?: (parent: string, offset: number) => GraphNode | GraphApiError; grouping?: boolean } = {}) {
  const counts = new Map<string, number>();
  const calls: string[] = [];
  const batches: number[] = [];
  const warnings: string[] = [];
  let requests = 0;
  let pulled = 0;
  let closed = false;
  const items = (parent: string, offset: number): GraphNode => {
    const total = counts.get(parent)!;
    const end = Math.min(total, offset + size);
    const data = Array.from({ length: end - offset }, (_, k) => ({ id: `${parent}.${offset + k}` }));
    return { data, paging: end < total ? { cursors: { after: String(end) }, next: 'https://graph.facebook.com/next' } : {} };
  };
  const answerOf = (relativeUrl: string): GraphNode | GraphApiError => {
    const [path, query] = relativeUrl.split('?') as [string, string];
    const parent = path.split('/')[0]!;
    const offset = Number(new URLSearchParams(query).get('after') ?? 0);
    return options.answer?.(parent, offset) ?? items(parent, offset);
  };
  const later = <T>(value: () => T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value()), options.delay?.(requests++) ?? 0));
  let next = 0;
  const parentPages: AsyncIterable<RowParent[]> = {
    [Symbol.asyncIterator]: () => ({
      next: () => later(() => {
        if (next >= pages.length) return { done: true as const, value: undefined };
        pulled++;
        calls.push(`page ${next}`);
        const page = pages[next]!.map((count, k) => {
          const id = `p${next}_${k}`;
          counts.set(id, count);
          const node: GraphNode = options.grouping === false ? { id } : { id, comments: items(id, 0) };
          return { node, extra: { ParentId: id } };
        });
        next++;
        return { done: false as const, value: page };
      }),
      return: async () => {
        closed = true;
        return { done: true as const, value: undefined };
      },
    }),
  };
  const ctx = {
    signal: undefined,
    api: {
      grouping: options.grouping ?? true,
      concurrency: 3,
      warn: (message: string) => warnings.push(message),
      graph: {
        async batch(requests: readonly { relativeUrl: string }[]) {
          calls.push(`batch ${requests.length}`);
          batches.push(requests.length);
          return later(() => requests.map((r) => answerOf(r.relativeUrl)));
        },
        async get(path: string, params: { after?: string }) {
          calls.push(`get ${path}`);
          const answer = await later(() => answerOf(`${path.slice(1)}?${new URLSearchParams(params.after === undefined ? {} : { after: params.after })}`));
          if (answer instanceof GraphApiError) throw answer;
          return answer;
        },
      },
    },
  } as unknown as ViewContext;
  return { ctx, parentPages, calls, batches, warnings, counts, pulled: () => pulled, closed: () => closed };
}

function scan(w: ReturnType<typeof world>, size: number) {
  return rowsAsAnswered(w.ctx, w.parentPages, [{ edge: 'comments', fields: 'id' }], size, active);
}

async function collect(rows: AsyncIterable<readonly Record<string, unknown>[]>): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of rows) for (const row of batch) out.push(String(row['Id']));
  return out;
}

/** Each parent's items in edge order, every item exactly once. */
function assertComplete(ids: readonly string[], counts: ReadonlyMap<string, number>): void {
  const seen = new Map<string, number>();
  for (const id of ids) {
    const [parent, offset] = id.split('.') as [string, string];
    assert.equal(Number(offset), seen.get(parent) ?? 0, `${id} out of its parent's order`);
    seen.set(parent, Number(offset) + 1);
  }
  for (const [parent, count] of counts) assert.equal(seen.get(parent) ?? 0, count, `${parent}: ${seen.get(parent) ?? 0} of ${count} items`);
}

test('rowsAsAnswered: every item of every parent once, each parent in edge order, whatever order the answers come in', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(fc.nat(12), { maxLength: 8 }), { maxLength: 5 }),
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.nat(3), { minLength: 1, maxLength: 16 }),
      fc.boolean(),
      fc.nat(4),
      async (pages, size, delays, grouping, slowReader) => {
        const w = world(pages, size, { delay: (n) => delays[n % delays.length]!, grouping });
        const rows: string[] = [];
        for await (const batch of scan(w, size)) {
          for (const row of batch) rows.push(`${String(row['Id'])}|${String(row['ParentId'])}`);
          if (slowReader > 0) await new Promise((resolve) => setTimeout(resolve, slowReader)); // answers pile up meanwhile
        }
        assertComplete(rows.map((r) => r.split('|')[0]!), w.counts);
        for (const r of rows) assert.equal(r.split('|')[1], r.split('.')[0], 'the row carries its parent');
      },
    ),
    { numRuns: 60 },
  );
});

test('rowsAsAnswered: the cursors of different parent pages share batches of up to 50', async () => {
  // 3 pages of 30 parents, each with 3 pages of 10 items: 90 cursors a round, not 30 per page
  const pages = [Array(30).fill(30), Array(30).fill(30), Array(30).fill(30)];
  const w = world(pages, 10);
  assertComplete(await collect(scan(w, 10)), w.counts);
  assert.ok(w.batches.every((n) => n <= 50), `batch sizes ${w.batches.join(',')}`);
  assert.equal(w.batches.reduce((a, b) => a + b, 0), 180, 'two more pages for each of 90 parents');
  assert.ok(w.batches.length <= 6, `${w.batches.length} batches for 180 cursors: ${w.batches.join(',')}`);
});

test('rowsAsAnswered: grouping off continues each parent by its own GET, the first page included', async () => {
  const w = world([[3, 0, 5]], 2, { grouping: false });
  assertComplete(await collect(scan(w, 2)), w.counts);
  assert.equal(w.calls.filter((c) => c.startsWith('batch')).length, 0);
  assert.equal(w.calls.filter((c) => c.startsWith('get')).length, 2 + 1 + 3, "pages at offsets 0, 2 | 0 | 0, 2, 4");
});

test('rowsAsAnswered: a parent deleted meanwhile is skipped with a warning; any other error fails the scan', async () => {
  const skipped = world([[5, 5]], 2, { answer: (parent, offset) => (parent === 'p0_0' && offset === 4 ? gone() : undefined as unknown as GraphNode) });
  const ids = await collect(scan(skipped, 2));
  assert.deepEqual(ids.filter((id) => id.startsWith('p0_0.')), ['p0_0.0', 'p0_0.1', 'p0_0.2', 'p0_0.3']);
  assert.equal(ids.filter((id) => id.startsWith('p0_1.')).length, 5);
  assert.match(skipped.warnings.join(), /skipped the rest of p0_0\/comments/);

  const failing = world([[5, 5]], 2, { answer: (parent) => (parent === 'p0_1' ? badField() : undefined as unknown as GraphNode) });
  await assert.rejects(collect(scan(failing, 2)), /nonexisting field/);
});

test('rowsAsAnswered: a parent page that fails fails the scan', async () => {
  const w = world([[1]], 1);
  const pages: AsyncIterable<RowParent[]> = {
    [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('media page failed')) }),
  };
  await assert.rejects(collect(rowsAsAnswered(w.ctx, pages, [{ edge: 'comments', fields: 'id' }], 1, active)), /media page failed/);
});

test('rowsAsAnswered: no request starts while ROWS_AHEAD rows wait for the consumer, and none after it stops', async () => {
  // pages of 100 parents × 50 nested items (5,000 rows), every parent with more
  const pages = Array.from({ length: 8 }, () => Array(100).fill(60));
  const w = world(pages, 50);
  const rows = scan(w, 50)[Symbol.asyncIterator]();
  await rows.next();
  await new Promise((resolve) => setTimeout(resolve, 30)); // let the producer run ahead as far as it may
  const ahead = Math.ceil(ROWS_AHEAD / 5000);
  assert.ok(w.pulled() <= ahead + 1, `${w.pulled()} parent pages read while the consumer waits (at most ${ahead + 1})`);
  const calls = w.calls.length;
  await rows.return(undefined);
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.equal(w.calls.length, calls, 'nothing asked after the consumer stopped');
  assert.ok(w.closed(), 'the parent pages are closed');
});

test('rowsAsAnswered, two deep (media → comments → replies): every reply once, in its comment\'s order, with its media and comment', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(fc.nat(5), { maxLength: 7 }), { minLength: 1, maxLength: 4 }), // media → replies of each comment
      fc.integer({ min: 1, max: 3 }),
      fc.array(fc.nat(3), { minLength: 1, maxLength: 8 }),
      async (medias, size, delays) => {
        let n = 0;
        const later = <T>(value: () => T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value()), delays[n++ % delays.length]));
        const page = <T>(all: readonly T[], offset: number): GraphNode => ({
          data: all.slice(offset, offset + size) as unknown as GraphNode[],
          paging: offset + size < all.length ? { cursors: { after: String(offset + size) }, next: 'https://graph.facebook.com/next' } : {},
        });
        const replies = (m: number, c: number) => Array.from({ length: medias[m]![c]! }, (_, r) => ({ id: `m${m}c${c}.${r}` }));
        const comments = (m: number) => medias[m]!.map((_, c) => ({ id: `m${m}c${c}`, replies: page(replies(m, c), 0) }));
        const answer = (relativeUrl: string): GraphNode => {
          const [path, query] = relativeUrl.split('?') as [string, string];
          const [parent, edge] = path.split('/') as [string, string];
          const offset = Number(new URLSearchParams(query).get('after'));
          const [, m, c] = /^m(\d+)(?:c(\d+))?$/.exec(parent)!;
          return edge === 'comments' ? page(comments(Number(m)), offset) : page(replies(Number(m), Number(c)), offset);
        };
        const ctx = {
          signal: undefined,
          api: {
            grouping: true, concurrency: 2, warn: () => undefined,
            graph: { batch: (items: readonly { relativeUrl: string }[]) => later(() => items.map((item) => answer(item.relativeUrl))) },
          },
        } as unknown as ViewContext;
        async function* mediaPages(): AsyncGenerator<RowParent[]> {
          for (let m = 0; m < medias.length; m++) yield [{ node: { id: `m${m}`, comments: page(comments(m), 0) }, extra: { MediaId: `m${m}` } }];
        }
        const levels = [
          { edge: 'comments', fields: 'id,replies{id}', extraOf: (comment: GraphNode, extra: Readonly<Record<string, unknown>>) => ({ ...extra, CommentId: String(comment['id']) }) },
          { edge: 'replies', fields: 'id' },
        ] as const;
        const cols = [col('Id', 'String', 'reply id', { field: 'id' }), col('CommentId', 'String', 'comment id'), col('MediaId', 'String', 'media id')];
        const rows: Record<string, unknown>[] = [];
        for await (const batch of rowsAsAnswered(ctx, mediaPages(), levels as never, size, cols)) rows.push(...batch);
        const counts = new Map<string, number>();
        medias.forEach((cs, m) => cs.forEach((r, c) => counts.set(`m${m}c${c}`, r)));
        assertComplete(rows.map((row) => String(row['Id'])), counts);
        for (const row of rows) {
          assert.equal(row['CommentId'], String(row['Id']).split('.')[0]);
          assert.equal(row['MediaId'], String(row['CommentId']).split('c')[0]);
        }
      },
    ),
    { numRuns: 60 },
  );
});
