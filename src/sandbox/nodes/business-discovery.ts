/**
 * `business_discovery.username(x){…}` on an IG user (graph-api.md §1.8): another professional
 * account's public fields and media. Its nested `media` has before/after cursors but no next/previous
 * URLs; page it with `media.after(<cursor>).limit(n)`. `view_count` (reels) exists only here.
 */
import type { SandboxApp } from '../context.js';
import type { IgAccountRecord } from '../data/world.js';
import { graphError, invalidParameter } from '../graph-error.js';
import { renderNode } from '../fields/render.js';
import { edge } from './define.js';
import type { CustomField, FieldDef } from './node-registry.js';

/** `publicFields`: the IG user fields business discovery may return. */
export function businessDiscoveryField(app: SandboxApp, publicFields: Record<string, FieldDef<IgAccountRecord>>): CustomField<IgAccountRecord> {
  if (app.nodes.get('IGBusinessDiscovery') === undefined) defineDiscoveryType(app, publicFields);
  return {
    kind: 'custom',
    resolve: (_account, selection, ctx) => {
      const username = selection.params['username'];
      if (username === undefined || username === '') {
        throw invalidParameter('business_discovery requires a username: business_discovery.username(<username>){…}');
      }
      const target = app.data.igAccountByUsername(username);
      if (target === undefined) {
        throw graphError({
          code: 110, subcode: 2207013, message: 'Invalid user id', isTransient: false,
          userTitle: 'Cannot find User', userMessage: `The user with username: ${username} cannot be found.`,
        });
      }
      return renderNode({ type: 'IGBusinessDiscovery', id: target.id, record: target }, selection.children, ctx.req, 'discovery');
    },
  };
}

function defineDiscoveryType(app: SandboxApp, fields: Record<string, FieldDef<IgAccountRecord>>): void {
  app.nodes.define<IgAccountRecord>({
    name: 'IGBusinessDiscovery', graphName: 'ShadowIGUser', pathParam: '', defaultFields: 'id',
    canRead: () => false,
    fields,
    edges: {
      media: edge<IgAccountRecord>({
        itemType: 'IGMedia', defaultFields: 'id', paging: 'cursors', reach: 'discovery', readCap: () => app.options.mediaReadCap,
        list: (account) => app.data.mediaList(account),
      }),
    },
  });
}
