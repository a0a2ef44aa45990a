/**
 * The write features: comment moderation (comment-writes.ts, media-writes.ts) and content
 * publishing (containers, create-container.ts, publish.ts). Registered in features.ts after the
 * node types, which they extend (IGContainer type, content_publishing_limit edge).
 */
import type { SandboxApp } from '../context.js';
import { installCommentWrites } from './comment-writes.js';
import { defineContainerType } from './containers.js';
import { createContainer } from './create-container.js';
import { installMediaWrites } from './media-writes.js';
import { installMediaPublish } from './publish.js';

export function installModeration(app: SandboxApp): void {
  installCommentWrites(app);
  installMediaWrites(app);
}

export function installPublishing(app: SandboxApp): void {
  defineContainerType(app);
  app.router.post('/{ig-user-id}/media', createContainer);
  installMediaPublish(app);
}
