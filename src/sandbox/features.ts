/**
 * The list of feature installers `startSandbox` runs, in order. Each is `(app: SandboxApp) => void`
 * and registers node types, fields, edges, routes and middleware. A feature adds one line here.
 * Middleware runs in installation order, outermost first.
 */
import { installBatch } from './batch/install-batch.js';
import type { Installer, SandboxApp } from './context.js';
import { installFaults } from './faults/install-faults.js';
import { installLatency } from './latency/latency.js';
import { defineIgCommentType } from './nodes/ig-comment.js';
import { defineIgHashtagType } from './nodes/ig-hashtag.js';
import { defineIgMediaType } from './nodes/ig-media.js';
import { defineIgUserType } from './nodes/ig-user.js';
import { definePageType } from './nodes/page.js';
import { defineUserTypes } from './nodes/user.js';
import { installInsights } from './insights/index.js';
import { installOAuth, installOAuthGate } from './oauth/install-oauth.js';
import { installHashtagSearch } from './routes/hashtag-search.js';
import { installMultiIdRoutes } from './routes/multi-ids.js';
import { installRateLimits } from './rate-limits/install-rate-limits.js';
import { installReadRoutes } from './routes/read.js';
import { installModeration, installPublishing } from './writes/install-writes.js';

export { installLatency };

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
  installLatency, // latency + jitter per HTTP request (latency/)
  installRateLimits, // usage counters, headers, 4/17/32/80002 (rate-limits/)
  installFaults, // scripted and random faults (faults/)
  installOAuthGate, // OAuth state + appsecret_proof, outside batch so a batch's proof covers its operations (oauth/)
  installBatch, // POST batch=[…] on any path (batch/)
  installNodeTypes,
  installCoreRoutes,
  installOAuth,
  installPublishing,
  installModeration,
  installInsights,
];

export function installFeatures(app: SandboxApp, features: readonly Installer[] = FEATURES): void {
  for (const install of features) install(app);
}
