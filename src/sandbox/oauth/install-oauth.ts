/**
 * The OAuth feature: the consent dialog, the token endpoint, debug_token, permission revocation and
 * the appsecret_proof middleware, over the token registry and the sandbox clock. Registered in
 * features.ts after the node types (it replaces the User `permissions` edge).
 */
import type { SandboxApp } from '../context.js';
import { installAccessToken } from './access-token.js';
import { installAppSecretProof } from './appsecret-proof.js';
import { installDebugToken } from './debug-token.js';
import { installDialog } from './dialog.js';
import { createOAuthState } from './oauth-state.js';
import { installPermissions } from './permissions.js';

/**
 * The OAuth state and the appsecret_proof middleware. Installed before batch (features.ts), so a
 * batch request's proof is checked, and covers its operations, before the batch runs them.
 */
export function installOAuthGate(app: SandboxApp): void {
  createOAuthState(app);
  installAppSecretProof(app);
}

export function installOAuth(app: SandboxApp): void {
  installDialog(app);
  installAccessToken(app);
  installDebugToken(app);
  installPermissions(app);
}
