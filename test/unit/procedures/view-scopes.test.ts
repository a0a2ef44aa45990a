import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INSTAGRAM_VIEWS } from '../../../src/schema/views/index.js';
import { FINDING_SCOPES, VIEW_SCOPES, diagnoseScopes } from '../../../src/procedures/view-scopes.js';
import { SCOPE_NEEDS } from '../../../src/auth/index.js';

const ALL = [...new Set([...SCOPE_NEEDS.map((n) => n.scope), ...FINDING_SCOPES])];

test('every Instagram view but Permissions has its permissions in the table, and the table names no unknown view', () => {
  const listed = VIEW_SCOPES.flatMap((g) => g.views);
  const names = INSTAGRAM_VIEWS.map((v) => v.name);
  assert.deepEqual(names.filter((n) => n !== 'Permissions' && !listed.includes(n)), []);
  assert.deepEqual(listed.filter((n) => !names.includes(n)), []);
});

test('a token with every permission has nothing to diagnose', () => {
  assert.deepEqual(diagnoseScopes({ type: 'USER', scopes: ALL }, ''), { lines: [], unavailableViews: [], missingScopes: [] });
});

test('no instagram_manage_insights: the insights views fail, in plain words', () => {
  const d = diagnoseScopes({ type: 'USER', scopes: ALL.filter((s) => s !== 'instagram_manage_insights') }, '');
  assert.deepEqual(d.missingScopes, ['instagram_manage_insights']);
  assert.ok(d.unavailableViews.includes('MediaInsights') && d.unavailableViews.includes('AccountInsights'));
  assert.ok(!d.unavailableViews.includes('Media'));
  assert.match(d.lines[0]!, /^No instagram_manage_insights: MediaInsights, .*AccountInsights.* fail\.$/);
  assert.match(d.lines.at(-1)!, /Sign in again granting the missing permissions/);
});

test('no pages_show_list: how to find the accounts depends on BusinessAccountId', () => {
  const scopes = ALL.filter((s) => s !== 'pages_show_list');
  assert.match(diagnoseScopes({ type: 'USER', scopes }, '').lines.join(' '), /cannot find your Instagram accounts.*set BusinessAccountId/);
  assert.match(diagnoseScopes({ type: 'USER', scopes }, '1784').lines.join(' '), /GetPageAccessToken and AuthenticateAsPage fail/);
  assert.deepEqual(diagnoseScopes({ type: 'PAGE', scopes: ALL.filter((s) => s !== 'pages_read_engagement') }, '').lines, []);
});

test('an app token gets no permission diagnosis (its problem is said elsewhere)', () => {
  assert.deepEqual(diagnoseScopes({ type: 'APP', scopes: [] }, '').lines, []);
});
