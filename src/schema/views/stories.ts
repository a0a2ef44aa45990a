import { defineView } from '../define-view.js';
import type { GraphColumn } from '../graph-columns.js';
import type { ViewApi } from '../view-api.js';
import { accountEdgeDescribe, accountEdgeList, type AccountEdge } from './account-edge.js';
import { accountIdColumn, mediaColumns } from './media-columns.js';

const columns: GraphColumn[] = [
  ...mediaColumns('Id'),
  accountIdColumn,
  ...mediaColumns('Caption', 'MediaType', 'MediaProductType', 'MediaUrl', 'Permalink', 'ShortCode', 'ThumbnailUrl', 'Timestamp', 'Username', 'OwnerId'),
];

const spec: AccountEdge = { edge: 'stories', columns, max: 100 };

export const storiesView = defineView<ViewApi>({
  name: 'Stories',
  aliases: ['Story', 'IGStories'],
  description: 'The stories the account(s) have live now. Instagram keeps a story for 24 hours only; live video and reshared stories are not listed.',
  columns,
  keyColumns: [{ column: 'AccountId', operators: ['=', 'in'], require: 'optional' }],
  examples: [
    { description: 'Live stories', sql: 'SELECT Id, MediaType, Timestamp, Permalink FROM Stories ORDER BY Timestamp DESC' },
    { description: 'Story insights', sql: 'SELECT s.Id, i.Reach, i.Replies FROM Stories s JOIN MediaInsightsStory i ON i.MediaId = s.Id' },
  ],
  notes: ['Stories disappear from the API after 24 hours; capture them (and their insights) within that window.'],
  list: accountEdgeList(spec),
  describe: accountEdgeDescribe(spec),
});
