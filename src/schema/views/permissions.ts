import { defineView } from '../define-view.js';
import { col } from '../graph-columns.js';
import { edgeRows } from '../scan.js';
import type { ViewApi } from '../view-api.js';

export const permissionsView = defineView<ViewApi>({
  name: 'Permissions',
  aliases: ['Permission'],
  description: 'The permissions (OAuth scopes) granted to the token, and whether each is granted or declined.',
  columns: [
    col('Permission', 'String', 'The permission, e.g. instagram_manage_insights.', { key: true }),
    col('Status', 'String', 'granted, declined or expired.'),
  ],
  keyColumns: [],
  examples: [{ description: 'What the token may do', sql: "SELECT Permission FROM Permissions WHERE Status = 'granted'" }],
  notes: ['Not available for Page or system-user tokens the same way; GetTokenInfo explains what a token can do for each view.'],
  list: (ctx) => edgeRows(ctx, '/me/permissions', {}, (node) => ({ Permission: String(node['permission']), Status: (node['status'] as string | undefined) ?? null })),
  describe: () => ['GET /me/permissions'],
});
