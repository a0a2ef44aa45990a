/**
 * Facebook Pages. `access_token` and `tasks` depend on the caller: a user (or system-user) token
 * with a role on the Page gets a Page token derived from it (never expiring when the user token is
 * long-lived), a Page token gets itself. `instagram_business_account` and
 * `connected_instagram_account` are left out for the Page without a linked IG account.
 */
import type { SandboxApp, Viewer } from '../context.js';
import type { PageRecord } from '../data/world.js';
import { nodeRef, scalar } from './define.js';

function role(viewer: Viewer, page: PageRecord): readonly string[] | undefined {
  return viewer.pages.find((p) => p.page.id === page.id)?.tasks;
}

export function definePageType(app: SandboxApp): void {
  const igId = (page: PageRecord): string | undefined =>
    page.igAccountIndex === undefined ? undefined : app.data.igAccount(page.igAccountIndex)?.id;
  app.nodes.define<PageRecord>({
    name: 'Page', graphName: 'Page', pathParam: 'page-id', defaultFields: 'name',
    canRead: (page, viewer) => role(viewer, page) !== undefined,
    fields: {
      name: scalar((p) => p.name),
      about: scalar((p) => p.about),
      category: scalar((p) => p.category),
      category_list: scalar((p) => p.categoryList.map((c) => ({ id: c.id, name: c.name }))),
      fan_count: scalar((p) => p.fanCount),
      followers_count: scalar((p) => p.followersCount),
      link: scalar((p) => p.link),
      username: scalar((p) => p.username),
      website: scalar((p) => p.website),
      is_published: scalar(() => true),
      tasks: scalar((p, ctx) => role(ctx.req.viewer(), p)),
      access_token: scalar((p, ctx) => {
        const viewer = ctx.req.viewer();
        if (role(viewer, p) === undefined) return undefined;
        if (viewer.token.type === 'PAGE') return viewer.token.pageId === p.id ? viewer.token.token : undefined;
        if (viewer.token.type !== 'USER' && viewer.token.type !== 'SYSTEM_USER') return undefined;
        return app.tokens.pageTokenFor(p.id, viewer.token).token;
      }),
      instagram_business_account: nodeRef((p) => igId(p)),
      connected_instagram_account: nodeRef((p) => igId(p)),
    },
    edges: {},
  });
}
