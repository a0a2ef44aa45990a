/**
 * The list of feature installers `startSandbox` runs, in order. Each is `(app: SandboxApp) => void`
 * and registers node types, fields, edges, routes and middleware. Stage 2 features add one line here
 * (e.g. `installInsights`, `installOAuth`, `installPublishing`, `installModeration`, `installBatch`,
 * `installRateLimits`, `installFaults`). Middleware runs in installation order, outermost first.
 */
import type { Installer, SandboxApp } from './context.js';
import { defineIgCommentType } from './nodes/ig-comment.js';
import { defineIgHashtagType } from './nodes/ig-hashtag.js';
import { defineIgMediaType } from './nodes/ig-media.js';
import { defineIgUserType } from './nodes/ig-user.js';
import { definePageType } from './nodes/page.js';
import { defineUserTypes } from './nodes/user.js';
import { installInsights } from './insights/index.js';
import { installOAuth } from './oauth/install-oauth.js';
import { installHashtagSearch } from './routes/hashtag-search.js';
import { installMultiIdRoutes } from './routes/multi-ids.js';
import { installReadRoutes } from './routes/read.js';
import { installModeration, installPublishing } from './writes/install-writes.js';

/** Sleeps `app.options.latencyMs` before each request (change it at run time with `sandbox.setLatency`). */
export function installLatency(app: SandboxApp): void {
  app.use(async (_ctx, next) => {
    const ms = app.options.latencyMs;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    return next();
  });
}

export function installNodeTypes(app: SandboxApp): void {
  defineUserTypes(app);
  definePageType(app);
  defineIgUserType(app);
  defineIgMediaType(app);
  defineIgCommentType(app);
  defineIgHashtagType(app);
}

export function installCoreRoutes(app: SandboxApp): void {
  installHashtagSearch(app);
  installMultiIdRoutes(app);
  installReadRoutes(app);
}

export const FEATURES: readonly Installer[] = [
  installLatency,
  installNodeTypes,
  installCoreRoutes,
  installOAuth,
  installPublishing,
  installModeration,
  installInsights,
  // stage 2: installFaults, installRateLimits, installOAuth, installInsights, installPublishing, installModeration, installBatch
];

export function installFeatures(app: SandboxApp, features: readonly Installer[] = FEATURES): void {
  for (const install of features) install(app);
}
