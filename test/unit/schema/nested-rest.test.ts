import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GraphApiError } from '../../../src/errors.js';
import { nestedEdgeLazily, nestedEdges } from '../../../src/schema/nested-rest.js';
import type { GraphNode, ViewContext } from '../../../src/schema/view-api.js';

const gone = () => new GraphApiError({ message: "Unsupported get request. Object with ID 'm1' does not exist", type: 'GraphMethodException', code: 100, error_subcode: 33 }, 400);
const badField = () => new GraphApiError({ message: '(#100) Tried accessing nonexisting field (x) on node type (IGMedia)', type: 'OAuthException', code: 100 }, 400);

/** A ViewContext whose Graph answers come from `answer` (paginate) and `batchAnswer` (batch items). */
function context(answer: () => GraphNode[] | Error, batchAnswer: () => GraphNode | GraphApiError = () => ({ data: [] })) {
  const warnings: string[] = [];
  const calls: string[] = [];
  const ctx = {
    signal: undefined,
    api: {
      grouping: true,
      concurrency: 2,
      warn: (message: string) => warnings.push(message),
      graph: {
        async *paginate(path: string) {
          calls.push(path);
          const a = answer();
          if (a instanceof Error) throw a;
          yield { data: a };
        },
        async batch(items: readonly unknown[]) {
          calls.push(`batch ${items.length}`);
          return items.map(() => batchAnswer());
        },
      },
    },
  } as unknown as ViewContext;
  return { ctx, warnings, calls };
}

const media = (id: string, after?: string): GraphNode => ({
  id,
  comments: { data: [{ id: `${id}-c1` }], paging: after === undefined ? {} : { cursors: { after }, next: 'https://graph.facebook.com/next' } },
});

async function collect(gen: AsyncIterable<readonly GraphNode[]>): Promise<string[]> {
  const out: string[] = [];
  for await (const page of gen) out.push(...page.map((n) => String(n['id'])));
  return out;
}

test('nestedEdgeLazily: the nested page, then the next pages only when there are more', async () => {
  const more = context(() => [{ id: 'm1-c2' }]);
  assert.deepEqual(await collect(nestedEdgeLazily(more.ctx, media('m1', 'A'), 'comments', 'id', 50)), ['m1-c1', 'm1-c2']);
  assert.deepEqual(more.calls, ['/m1/comments']);
  const last = context(() => [{ id: 'never' }]);
  assert.deepEqual(await collect(nestedEdgeLazily(last.ctx, media('m1'), 'comments', 'id', 50)), ['m1-c1']);
  assert.deepEqual(last.calls, [], 'no next page: no call');
});

test('nestedEdgeLazily and nestedEdges skip a parent deleted meanwhile with a warning, and fail on any other error', async () => {
  const lazy = context(gone);
  assert.deepEqual(await collect(nestedEdgeLazily(lazy.ctx, media('m1', 'A'), 'comments', 'id', 50)), ['m1-c1']);
  assert.match(lazy.warnings.join(), /skipped the rest of m1\/comments/);
  await assert.rejects(collect(nestedEdgeLazily(context(badField).ctx, media('m1', 'A'), 'comments', 'id', 50)), /nonexisting field/);

  const grouped = context(() => [], gone);
  const items = await nestedEdges(grouped.ctx, [media('m1', 'A'), media('m2')], 'comments', 'id', 50);
  assert.deepEqual(grouped.calls, ['batch 1'], 'only m1 has more');
  assert.deepEqual([...items.entries()].map(([k, v]) => [k, v.map((n) => n['id'])]), [['m1', ['m1-c1']], ['m2', ['m2-c1']]]);
  assert.match(grouped.warnings.join(), /skipped the rest of m1\/comments/);
  await assert.rejects(nestedEdges(context(() => [], badField).ctx, [media('m1', 'A')], 'comments', 'id', 50), /nonexisting field/);
});
