/**
 * Facebook users (and system users), their `accounts` (Pages) and `permissions` edges, and the app.
 * A user token may read only its own user; `/me/accounts` lists the Pages the user has a role on
 * (empty without `pages_show_list`), each with a Page token derived from the calling token.
 */
import type { SandboxApp } from '../context.js';
import type { AppRecord, PageRecord, UserRecord } from '../data/world.js';
import { arraySource, emptySource } from '../data/list-source.js';
import { unsupportedRequest } from '../graph-error.js';
import { edge, scalar } from './define.js';

interface PermissionItem {
  readonly permission: string;
  readonly status: 'granted' | 'declined';
}

export function defineUserTypes(app: SandboxApp): void {
  app.nodes.define<UserRecord>({
    name: 'User', graphName: 'User', pathParam: 'user-id', defaultFields: 'name',
    canRead: (user, viewer) => viewer.user?.id === user.id,
    fields: {
      name: scalar((u) => u.name),
      first_name: scalar((u) => u.firstName),
      last_name: scalar((u) => u.lastName),
      short_name: scalar((u) => u.firstName),
      email: scalar((u, ctx) => (ctx.req.viewer().hasScope('email') ? u.email : undefined)),
    },
    edges: {
      accounts: edge<UserRecord>({
        itemType: 'Page', defaultFields: 'access_token,category,category_list,name,id,tasks',
        list: (user, ctx) => {
          const viewer = ctx.req.viewer();
          if (viewer.user?.id !== user.id) throw unsupportedRequest(ctx.req.method, user.id);
          if (!viewer.hasScope('pages_show_list')) return emptySource<PageRecord>();
          return arraySource(viewer.pages.map((p) => p.page));
        },
      }),
      permissions: edge<UserRecord>({
        itemType: 'Permission', defaultFields: 'permission,status', paging: 'none', maxLimit: 1000, defaultLimit: 1000,
        list: (user, ctx) => {
          const viewer = ctx.req.viewer();
          if (viewer.user?.id !== user.id) throw unsupportedRequest(ctx.req.method, user.id);
          return arraySource<PermissionItem>(viewer.token.scopes.map((permission) => ({ permission, status: 'granted' })));
        },
      }),
    },
  });

  app.nodes.define<PermissionItem>({
    name: 'Permission', graphName: 'Permission', pathParam: '', defaultFields: 'permission,status', hasId: false,
    fields: { permission: scalar((p) => p.permission), status: scalar((p) => p.status) },
    edges: {},
  });

  app.nodes.define<AppRecord>({
    name: 'Application', graphName: 'Application', pathParam: 'app-id', defaultFields: 'link,name',
    fields: {
      name: scalar((a) => a.name),
      link: scalar((a) => `https://www.facebook.com/games/?app_id=${a.id}`),
      category: scalar(() => 'Business'),
      namespace: scalar(() => undefined),
    },
    edges: {},
  });
}
