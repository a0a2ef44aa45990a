import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_SCOPES } from '../../../src/auth/oauth.js';
import { parseDebugToken } from '../../../src/auth/oauth-responses.js';
import { SCOPE_NEEDS, diagnoseToken } from '../../../src/auth/scope-needs.js';

test('every default scope has a reason, and only those', () => {
  assert.deepEqual(SCOPE_NEEDS.map((n) => n.scope), [...DEFAULT_SCOPES]);
});

test('the recorded debug_token (an old token with none of the Instagram scopes, expired) is diagnosed in plain words', () => {
  const info = parseDebugToken(JSON.parse(readFileSync(new URL('./fixtures/recorded/token_info.json', import.meta.url), 'utf8')));
  const d = diagnoseToken(info, Date.UTC(2026, 0, 1), '1234');
  assert.deepEqual(d.missingScopes, ['instagram_basic', 'instagram_manage_insights', 'instagram_manage_comments', 'instagram_content_publish', 'pages_read_engagement', 'business_management']);
  assert.equal(d.problems[0], 'The token belongs to app appId, not to OAuthClientId 1234: renewing it with this app will fail.');
  assert.ok(d.problems.includes('The token has expired.'));
  assert.ok(d.problems.some((p) => /^Data access has expired/.test(p)));
  assert.ok(d.problems.includes('Missing permission instagram_manage_insights: needed for MediaInsights, AccountInsights and AudienceInsights.'));
});

test('a healthy token with every scope has no problems; an invalid one says why', () => {
  const ok = diagnoseToken({ appId: '1', type: 'USER', isValid: true, expiresAt: null, scopes: [...DEFAULT_SCOPES], granularScopes: [] }, 0, '1');
  assert.deepEqual(ok, { problems: [], missingScopes: [] });
  const bad = diagnoseToken({ appId: '1', type: 'USER', isValid: false, error: { message: 'Session has expired', code: 190, subcode: 463 }, scopes: [...DEFAULT_SCOPES], granularScopes: [] }, 0);
  assert.deepEqual(bad.problems, ['The token is not valid: Session has expired. Sign in again or set a new OAuthAccessToken.']);
});
