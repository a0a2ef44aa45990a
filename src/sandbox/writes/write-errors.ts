/**
 * The errors of the write endpoints (publishing and moderation). Codes and subcodes follow Meta's IG
 * error table (graph-api.md §6, IGERR) where it has a row; messages marked (sandbox) are the
 * sandbox's own wording where no real one is on record (see README "Writes").
 */
import { graphError, type GraphError } from '../graph-error.js';

export const CAPTION_MAX_CHARS = 2200;
export const CAPTION_MAX_HASHTAGS = 30;
export const CAPTION_MAX_MENTIONS = 20;
export const COMMENT_MAX_CHARS = 2200;
export const CAROUSEL_MIN_CHILDREN = 2;
export const CAROUSEL_MAX_CHILDREN = 10;

export const writeErrors = {
  unknownMediaType: (type: string): GraphError => graphError({
    code: 100, subcode: 2207023, message: `The media type ${type} is unknown.`, isTransient: false,
    userTitle: 'Unknown media type', userMessage: 'The media type entered is not one of the expected media types: REELS, STORIES, CAROUSEL, or VIDEO for carousel items.',
  }),
  /** (sandbox) VIDEO is no longer a feed type since Nov 9, 2023; only carousel items use it. */
  videoNotForFeed: (): GraphError => graphError({
    code: 100, subcode: 2207023, isTransient: false,
    message: 'The VIDEO media type is only supported for carousel items (is_carousel_item=true). Use media_type=REELS for videos.',
  }),
  /** (sandbox) */
  bothUrls: (): GraphError => graphError({ code: 100, message: '(#100) Only one of image_url and video_url can be specified' }),
  unfetchableUri: (uri: string): GraphError => graphError({
    code: 9004, subcode: 2207052, isTransient: false, message: `The media could not be fetched from this uri: ${uri}`,
    userTitle: 'Media download has failed.', userMessage: "The media URI doesn't meet our requirements.",
  }),
  unsupportedImageFormat: (): GraphError => graphError({
    code: 36001, subcode: 2207005, isTransient: false, message: 'The image format is not supported.',
    userTitle: 'Unsupported format', userMessage: 'The image format is not supported. Supported formats: JPEG.',
  }),
  captionTooLong: (detail: string): GraphError => graphError({
    code: 36004, subcode: 2207010, isTransient: false, message: 'The caption is too long.',
    userTitle: 'Caption too long', userMessage: detail,
  }),
  carousel: (detail: string): GraphError => graphError({
    code: 100, subcode: 2207028, isTransient: false,
    message: "Your post won't be shared as a carousel. Carousels need at least 2 photos/videos and no more than 10 photos/videos.",
    userTitle: 'Carousel validation failed', userMessage: detail,
  }),
  /** (sandbox) 400 containers per account per rolling 24 hours. */
  tooManyContainers: (limit: number): GraphError => graphError({
    code: 9, isTransient: false, message: `(#9) The account has reached its limit of ${limit} media containers in 24 hours. Try again later.`,
  }),
  mediaNotFound: (id: string): GraphError => graphError({
    code: 24, subcode: 2207006, isTransient: false, message: `The media with id ${id} cannot be found.`,
    userTitle: 'Media not found', userMessage: 'The media with the given id was not found. Create a new container and try again.',
  }),
  notReady: (): GraphError => graphError({
    code: 9007, subcode: 2207027, isTransient: false, message: 'Media ID is not available',
    userTitle: 'Media is not ready', userMessage: 'The media is not ready for publishing, please wait for a moment',
  }),
  expired: (): GraphError => graphError({
    code: -2, subcode: 2207020, isTransient: false, message: 'The media you are trying to access has expired. Please try to upload again.',
    userTitle: 'Media expired', userMessage: 'The media you are trying to access has expired. Please try to upload again.',
  }),
  /** (sandbox) */
  carouselItemAlone: (): GraphError => graphError({
    code: 100, message: '(#100) A carousel item cannot be published on its own: create a CAROUSEL container with children and publish that',
  }),
  publishLimit: (): GraphError => graphError({
    code: 9, subcode: 2207042, isTransient: false,
    message: 'You reached maximum number of posts that is allowed to be published by Content Publishing API.',
    userTitle: 'Publishing limit reached', userMessage: 'The account has reached its daily publishing limit. Try again tomorrow.',
  }),
  /** (sandbox) */
  commentsDisabled: (): GraphError => graphError({ code: 100, message: '(#100) Comments are disabled for this media' }),
  /** (sandbox) */
  hiddenComment: (): GraphError => graphError({ code: 100, message: '(#100) Replies cannot be posted to a hidden comment' }),
  emptyMessage: (): GraphError => graphError({ code: 100, message: '(#100) Param message must be non-empty UTF-8 encoded string' }),
  /** (sandbox) */
  messageTooLong: (): GraphError => graphError({ code: 100, message: `(#100) Param message must be at most ${COMMENT_MAX_CHARS} characters long` }),
  /** (sandbox) */
  notBoolean: (name: string, value: string): GraphError => graphError({ code: 100, message: `(#100) Param ${name} must be a boolean (true or false), got "${value}"` }),
};

/** `true`/`false`/`1`/`0` (any case); undefined when absent; throws for anything else. */
export function booleanParam(params: Readonly<Record<string, string>>, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  throw writeErrors.notBoolean(name, value);
}
