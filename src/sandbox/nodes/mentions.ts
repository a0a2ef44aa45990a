/**
 * `mentioned_media.media_id(<id>){…}` and `mentioned_comment.comment_id(<id>){…}` on an IG user
 * (graph-api.md §1.6): the media or comment in which the account was @mentioned, by the id a
 * `mentions` webhook delivered. The sandbox accepts any media or comment the caller may read.
 */
import type { SandboxApp } from '../context.js';
import type { IgAccountRecord } from '../data/world.js';
import { invalidParameter, unsupportedRequest } from '../graph-error.js';
import { renderNode } from '../fields/render.js';
import type { CustomField } from './node-registry.js';

function mentioned(app: SandboxApp, param: string, type: string): CustomField<IgAccountRecord> {
  return {
    kind: 'custom',
    resolve: (_account, selection, ctx) => {
      const id = selection.params[param];
      if (id === undefined || id === '') throw invalidParameter(`${selection.name} requires ${param}: ${selection.name}.${param}(<id>){…}`);
      const node = app.data.lookup(id);
      if (node === undefined || node.type !== type || !app.nodes.canRead(node, ctx.req.viewer(), ctx.req)) throw unsupportedRequest('GET', id);
      return renderNode(node, selection.children, ctx.req, 'edge');
    },
  };
}

export function mentionFields(app: SandboxApp): Record<string, CustomField<IgAccountRecord>> {
  return { mentioned_media: mentioned(app, 'media_id', 'IGMedia'), mentioned_comment: mentioned(app, 'comment_id', 'IGComment') };
}
