/** Every Instagram view, in the order the docs and sys_tables list them. */
import type { ViewDefinition } from '../define-view.js';
import type { ViewApi } from '../view-api.js';
import { ACCOUNT_INSIGHTS_VARIANTS } from './account-insights-variants.js';
import { accountInsightsView } from './account-insights.js';
import { accountView } from './account.js';
import { audienceInsightsView } from './audience-insights.js';
import { businessDiscoveryMediaView, businessDiscoveryView } from './business-discovery.js';
import { commentsView } from './comments.js';
import { contentPublishingLimitView } from './content-publishing-limit.js';
import { hashtagMediaView } from './hashtag-media.js';
import { hashtagSearchView } from './hashtag-search.js';
import { mediaChildrenView } from './media-children.js';
import {
  mediaInsightsPostAlbumView,
  mediaInsightsPostView,
  mediaInsightsReelsView,
  mediaInsightsStoryView,
  mediaInsightsView,
} from './media-insights.js';
import { mediaView } from './media.js';
import { onlineFollowersView } from './online-followers.js';
import { pageView } from './page.js';
import { permissionsView } from './permissions.js';
import { repliesView } from './replies.js';
import { storiesView } from './stories.js';
import { tagsView } from './tags.js';

export const INSTAGRAM_VIEWS: readonly ViewDefinition<ViewApi>[] = [
  pageView,
  accountView,
  mediaView,
  mediaChildrenView,
  commentsView,
  repliesView,
  storiesView,
  tagsView,
  mediaInsightsView,
  mediaInsightsPostView,
  mediaInsightsPostAlbumView,
  mediaInsightsReelsView,
  mediaInsightsStoryView,
  accountInsightsView,
  ...ACCOUNT_INSIGHTS_VARIANTS,
  audienceInsightsView,
  onlineFollowersView,
  hashtagSearchView,
  hashtagMediaView,
  businessDiscoveryView,
  businessDiscoveryMediaView,
  permissionsView,
  contentPublishingLimitView,
];
