import { defineView } from '../define-view.js';
import { col, type GraphColumn } from '../graph-columns.js';
import type { ViewApi } from '../view-api.js';
import { accountEdgeDescribe, accountEdgeList, type AccountEdge } from './account-edge.js';
import { mediaColumns } from './media-columns.js';

const columns: GraphColumn[] = [
  ...mediaColumns('Id'),
  col('AccountId', 'String', 'The account that is tagged in the media (a pushed filter).'),
  ...mediaColumns('Caption', 'MediaType', 'MediaUrl', 'Permalink', 'Timestamp', 'Username', 'LikeCount', 'CommentsCount'),
];

const spec: AccountEdge = { edge: 'tags', columns, max: 100, cursorOnly: true };

export const tagsView = defineView<ViewApi>({
  name: 'Tags',
  aliases: ['TaggedMedia'],
  description: 'Media in which other accounts tagged the account(s). Private media are not listed.',
  columns,
  keyColumns: [{ column: 'AccountId', operators: ['=', 'in'], require: 'optional' }],
  examples: [
    { description: 'Who tags us most', sql: 'SELECT Username, COUNT(*) AS Tags FROM Tags GROUP BY Username ORDER BY Tags DESC' },
  ],
  notes: ['Needs instagram_basic and instagram_manage_comments; without them the API answers "(#10) Application does not have permission for this action".'],
  list: accountEdgeList(spec),
  describe: accountEdgeDescribe(spec),
});
