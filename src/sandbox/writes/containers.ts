/**
 * Media containers (`POST /{ig-user-id}/media` creates them) and their state machine, read against
 * the sandbox clock:
 *
 *   IN_PROGRESS  until readyMs (images: at once; videos and reels: publishing.videoProcessingSeconds;
 *                carousels: when the last child is ready)
 *   FINISHED     ready to publish
 *   ERROR        processing failed (a video whose file type Instagram does not take, a failed child)
 *   EXPIRED      24 hours after creation without being published
 *   PUBLISHED    after media_publish
 *
 * `GET /{container-id}?fields=status_code,status` answers like the recording
 * (`{"id","status":"Finished: Media has been uploaded and it is ready to be published.","status_code":"FINISHED"}`).
 * Node type `IGContainer` (Meta: ShadowIGMediaBuilder), path parameter `{ig-container-id}`.
 */
import type { SandboxApp } from '../context.js';
import { scalar } from '../nodes/define.js';

export type ContainerType = 'IMAGE' | 'VIDEO' | 'REELS' | 'STORIES' | 'CAROUSEL';
export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';

export interface ContainerRecord {
  readonly id: string;
  readonly igUserId: string;
  readonly accountIndex: number;
  readonly type: ContainerType;
  /** IMAGE or VIDEO: what the media will be (carousels: CAROUSEL_ALBUM). */
  readonly isVideo: boolean;
  readonly mediaUrl: string | undefined;
  readonly caption: string | undefined;
  readonly altText: string | undefined;
  readonly isCarouselItem: boolean;
  readonly children: readonly string[];
  readonly shareToFeed: boolean;
  readonly createdMs: number;
  readonly readyMs: number;
  /** Processing fails at readyMs with this IG subcode (ERROR). */
  readonly failureSubcode: number | undefined;
  publishedMediaId: string | undefined;
}

export const CONTAINER_LIFETIME_MS = 24 * 3600_000;

const STATUS_TEXT: Readonly<Record<Exclude<ContainerStatus, 'ERROR'>, string>> = {
  IN_PROGRESS: 'In Progress: Media is still being processed.',
  FINISHED: 'Finished: Media has been uploaded and it is ready to be published.',
  PUBLISHED: 'Published: Media has been successfully published.',
  EXPIRED: 'Expired: Media was not published within 24 hours and has expired.',
};

export interface PublishingState {
  readonly containers: Map<string, ContainerRecord>;
  /** Every media_publish: for content_publishing_limit (deleting a post does not give its slot back). */
  readonly published: { igUserId: string; mediaId: string; atMs: number }[];
}

export function publishingState(app: SandboxApp): PublishingState {
  let state = app.state.get('publishing') as PublishingState | undefined;
  if (state === undefined) {
    state = { containers: new Map(), published: [] };
    app.state.set('publishing', state);
  }
  return state;
}

export function containerStatus(app: SandboxApp, container: ContainerRecord, nowMs: number): { code: ContainerStatus; subcode?: number } {
  if (container.publishedMediaId !== undefined) return { code: 'PUBLISHED' };
  if (nowMs >= container.createdMs + CONTAINER_LIFETIME_MS) return { code: 'EXPIRED' };
  if (nowMs < container.readyMs) return { code: 'IN_PROGRESS' };
  if (container.failureSubcode !== undefined) return { code: 'ERROR', subcode: container.failureSubcode };
  for (const childId of container.children) {
    const child = publishingState(app).containers.get(childId);
    const status = child === undefined ? undefined : containerStatus(app, child, nowMs);
    if (status?.code === 'ERROR') return status;
  }
  return { code: 'FINISHED' };
}

export function statusText(status: { code: ContainerStatus; subcode?: number }): string {
  if (status.code === 'ERROR') return `Error: Media upload has failed with error code ${status.subcode ?? 2207001}.`;
  return STATUS_TEXT[status.code];
}

export function defineContainerType(app: SandboxApp): void {
  const now = (): number => app.clock.now();
  app.nodes.define<ContainerRecord>({
    name: 'IGContainer', graphName: 'ShadowIGMediaBuilder', pathParam: 'ig-container-id', defaultFields: 'id',
    canRead: (container, viewer) => viewer.igAccountIds.has(container.igUserId),
    fields: {
      status_code: scalar((c) => containerStatus(app, c, now()).code),
      status: scalar((c) => statusText(containerStatus(app, c, now()))),
      copyright_check_status: scalar((c) => {
        if (!c.isVideo) return undefined;
        const code = containerStatus(app, c, now()).code;
        return { matches_found: false, status: code === 'IN_PROGRESS' ? 'in_progress' : code === 'ERROR' ? 'error' : 'completed' };
      }),
    },
    edges: {},
  });
}
