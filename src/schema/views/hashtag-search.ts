import { defineView } from '../define-view.js';
import { ordered } from '../fetch-helpers.js';
import { col } from '../graph-columns.js';
import { actingAccount, pushedValues } from '../pushed.js';
import { nodesByIds } from '../scan.js';
import type { Row } from '../types.js';
import type { ViewApi, ViewContext } from '../view-api.js';

const columns = [
  col('Id', 'String', 'The hashtag id (static and global).', { key: true }),
  col('Name', 'String', 'The hashtag, without #.'),
  col('AccountId', 'String', 'The account the search is made as (default: the first in scope).'),
];

export const hashtagSearchView = defineView<ViewApi>({
  name: 'HashtagSearch',
  aliases: ['Hashtags', 'Hashtag'],
  description: 'Finds hashtag ids by name (needed by HashtagMedia). Instagram allows 30 unique hashtags per account per 7 days.',
  columns,
  keyColumns: [
    { column: 'Name', operators: ['=', 'in'], require: 'any_of' },
    { column: 'Id', operators: ['=', 'in'], require: 'any_of' },
    { column: 'AccountId', operators: ['='], require: 'optional' },
  ],
  examples: [{ description: 'The id of #coffee', sql: "SELECT Id FROM HashtagSearch WHERE Name = 'coffee'" }],
  notes: ['Needs instagram_basic and the Instagram Public Content Access feature.', 'Each new hashtag counts against the 30-per-week limit.'],
  list: listHashtags,
  describe(ctx) {
    if (pushedValues(ctx, 'Id')) return ['GET /?ids={hashtag ids}&fields=id,name'];
    return ['GET /ig_hashtag_search?user_id={ig-user-id}&q={name} (per name)'];
  },
});

async function* listHashtags(ctx: ViewContext): AsyncGenerator<Row[]> {
  const ids = pushedValues(ctx, 'Id');
  const account = await actingAccount(ctx, 'HashtagSearch');
  if (ids !== undefined) {
    for await (const nodes of nodesByIds(ctx, ids, { fields: 'id,name' })) {
      yield nodes.map((n) => ({ Id: String(n['id']), Name: (n['name'] as string | undefined) ?? null, AccountId: account }));
    }
    return;
  }
  const names = pushedValues(ctx, 'Name') ?? [];
  yield* ordered(names, ctx.api.concurrency, async (name) => {
    const q = name.replace(/^#/, '').toLowerCase();
    const answer = await ctx.api.graph.get('/ig_hashtag_search', { user_id: account, q }, { signal: ctx.signal });
    const data = (answer['data'] as { id?: unknown }[] | undefined) ?? [];
    return data.map((h) => ({ Id: String(h.id), Name: name, AccountId: account }));
  });
}
