import { IgsqlError } from '../../errors.js';
import { defineView } from '../define-view.js';
import { concatAhead, ordered } from '../fetch-helpers.js';
import { col, graphFields, selectColumns, toRow, type GraphColumn } from '../graph-columns.js';
import { actingAccount, echo, pushedValues } from '../pushed.js';
import { edgeRows, pageLimit } from '../scan.js';
import type { Row } from '../types.js';
import type { ViewApi, ViewContext } from '../view-api.js';
import { mediaColumns } from './media-columns.js';

const media = mediaColumns('Id', 'Caption', 'MediaType', 'MediaUrl', 'Permalink', 'Timestamp', 'LikeCount', 'CommentsCount');

const columns: GraphColumn[] = [
  col('HashtagId', 'String', 'The hashtag id (from HashtagSearch); this or HashtagName is required.'),
  col('HashtagName', 'String', 'The hashtag name, looked up with ig_hashtag_search; this or HashtagId is required.'),
  col('Edge', 'String', "top (the most popular, default) or recent (the last 24 hours) (a pushed input; both when IN ('top','recent'))."),
  col('AccountId', 'String', 'The account the calls are made as (default: the first in scope).'),
  ...media,
];

export const hashtagMediaView = defineView<ViewApi>({
  name: 'HashtagMedia',
  aliases: ['HashtagTopMedia', 'HashtagRecentMedia'],
  description: 'Public photos and videos tagged with a hashtag: the top media or the recent (24 hours) media.',
  columns,
  keyColumns: [
    { column: 'HashtagId', operators: ['=', 'in'], require: 'any_of' },
    { column: 'HashtagName', operators: ['=', 'in'], require: 'any_of' },
    { column: 'Edge', operators: ['=', 'in'], require: 'optional' },
    { column: 'AccountId', operators: ['='], require: 'optional' },
  ],
  examples: [
    { description: 'Top media for #coffee', sql: "SELECT Permalink, LikeCount FROM HashtagMedia WHERE HashtagName = 'coffee' ORDER BY LikeCount DESC" },
    { description: 'Recent media by id', sql: "SELECT * FROM HashtagMedia WHERE HashtagId = '17843857450040591' AND Edge = 'recent'" },
  ],
  notes: ['Usernames are not available on hashtag media.', 'Recent media cover the last 24 hours only.', 'Pages hold at most 50 media.'],
  list: listHashtagMedia,
  describe: (ctx) => edges(ctx).map((e) => `GET /{hashtag-id}/${e}_media?user_id={ig-user-id}&fields=${graphFields(media, ctx.columns).join(',')}&limit=${pageLimit(ctx, 50)}`),
});

function edges(ctx: ViewContext): string[] {
  const wanted = (pushedValues(ctx, 'Edge') ?? ['top']).map((e) => e.toLowerCase());
  for (const e of wanted) if (e !== 'top' && e !== 'recent') throw new IgsqlError('sql-plan', `HashtagMedia Edge '${e}' is not valid; use top or recent.`);
  return wanted;
}

async function* listHashtagMedia(ctx: ViewContext): AsyncGenerator<Row[]> {
  const account = await actingAccount(ctx, 'HashtagMedia');
  const hashtags: { id: string; name: string | null }[] = (pushedValues(ctx, 'HashtagId') ?? []).map((id) => ({ id, name: null }));
  // the names are searched at once (each search is one call), in the order given
  const searches = ordered(pushedValues(ctx, 'HashtagName') ?? [], ctx.api.concurrency, async (name) => {
    const q = name.replace(/^#/, '').toLowerCase();
    const found = await ctx.api.graph.get('/ig_hashtag_search', { user_id: account, q }, { signal: ctx.signal });
    return ((found['data'] as { id?: unknown }[] | undefined) ?? []).map((h) => ({ id: String(h.id), name }));
  });
  for await (const found of searches) hashtags.push(...found);
  const active = selectColumns(columns, ctx.columns);
  const fields = graphFields(media, ctx.columns).join(',');
  const opens = hashtags.flatMap((hashtag) =>
    edges(ctx).map((edge) => () => {
      const extra = { HashtagId: hashtag.id, HashtagName: hashtag.name, Edge: echo(ctx, 'Edge', edge), AccountId: account };
      return edgeRows(ctx, `/${hashtag.id}/${edge}_media`, { user_id: account, fields, limit: pageLimit(ctx, 50) }, (node) => toRow(active, node, extra));
    }),
  );
  // each hashtag edge after the other, the next ones' first pages asked meanwhile (none under a LIMIT)
  yield* concatAhead(opens, ctx.limit === undefined ? ctx.api.concurrency - 1 : 0);
}
