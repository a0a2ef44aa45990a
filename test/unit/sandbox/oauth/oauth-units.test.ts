import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IgsqlError } from '../../../../src/errors.js';
import { appSecretProof } from '../../../../src/sandbox/oauth/appsecret-proof.js';
import { escapeHtml } from '../../../../src/sandbox/oauth/consent-page.js';
import { resolveOAuthOptions, resolvePublishingOptions } from '../../../../src/sandbox/oauth/oauth-options.js';
import type { OAuthApp } from '../../../../src/sandbox/oauth/oauth-state.js';
import { isLocalhostUrl, redirectAllowed, redirectWith } from '../../../../src/sandbox/oauth/redirect-uris.js';
import { grantedScopes, isGranular, parseScopes } from '../../../../src/sandbox/oauth/scopes.js';

const app = (redirectUris?: string[]): OAuthApp => ({ id: '1', secret: 's', name: 'A', redirectUris, requireAppSecretProof: false, adminUserIds: new Set() });

test('appsecret_proof is hex HMAC-SHA256 (RFC 4231 case 2), the timed form keys token|time', () => {
  assert.equal(appSecretProof('what do ya want for nothing?', 'Jefe'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  assert.equal(appSecretProof('what do ya want', 'Jefe', 17), appSecretProof('what do ya want|17', 'Jefe'));
});

test('redirect URIs: localhost by default, exact strings when configured', () => {
  for (const ok of ['http://localhost:3000/cb', 'https://127.0.0.1/x?y=1', 'http://[::1]:9/']) assert.ok(redirectAllowed(app(), ok), ok);
  for (const bad of ['https://example.com/cb', 'ftp://localhost/x', '/cb', 'localhost:3000', 'http://localhost.evil.com/']) assert.ok(!redirectAllowed(app(), bad), bad);
  assert.ok(isLocalhostUrl('http://LOCALHOST:1/'));
  const strict = app(['https://a.example/cb']);
  assert.ok(redirectAllowed(strict, 'https://a.example/cb'));
  assert.ok(!redirectAllowed(strict, 'https://a.example/cb/'));
  assert.ok(!redirectAllowed(strict, 'http://localhost:3000/cb'));
});

test('redirectWith appends to the query (then #_=_) or writes the fragment; drops undefined values and old fragments', () => {
  assert.equal(redirectWith('http://localhost/cb#old', [['code', 'a b'], ['state', undefined]], 'query'), 'http://localhost/cb?code=a+b#_=_');
  assert.equal(redirectWith('http://localhost/cb?x=1', [['code', 'c']], 'query'), 'http://localhost/cb?x=1&code=c#_=_');
  assert.equal(redirectWith('http://localhost/cb?x=1', [['access_token', 't'], ['state', 's']], 'fragment'), 'http://localhost/cb?x=1#access_token=t&state=s');
  fc.assert(fc.property(fc.string(), (state) => {
    const url = new URL(redirectWith('http://localhost/cb', [['state', state]], 'query'));
    return url.searchParams.get('state') === state && url.hash === '#_=_';
  }));
});

test('scopes: comma or space separated; public_profile always granted; unknown ones reported', () => {
  assert.deepEqual(parseScopes('a,b c,,a'), ['a', 'b', 'c']);
  assert.deepEqual(parseScopes(undefined), []);
  assert.deepEqual(grantedScopes(['instagram_basic', 'nope', 'public_profile']), { granted: ['public_profile', 'instagram_basic'], unknown: ['nope'] });
  assert.deepEqual(['pages_show_list', 'instagram_basic', 'business_management', 'email', 'public_profile', 'read_insights'].map(isGranular), [true, true, true, false, false, false]);
});

test('escapeHtml leaves no markup characters', () => {
  fc.assert(fc.property(fc.string(), (text) => !/[<>"']/.test(escapeHtml(text)) && !/&(?!amp;|lt;|gt;|quot;|#39;)/.test(escapeHtml(text))));
});

test('option validation names the bad option and what is valid', () => {
  assert.deepEqual(resolveOAuthOptions(), { autoApprove: false, redirectUris: undefined, requireAppSecretProof: false, codeExchangeExpiresIn: 7200, apps: [] });
  assert.deepEqual(resolvePublishingOptions(), { videoProcessingSeconds: 30, containersPerDay: 400 });
  const bad: [() => unknown, RegExp][] = [
    [() => resolveOAuthOptions({ redirectUris: ['not a url'] }), /oauth\.redirectUris\[0\] must be an absolute http\(s\) URL/],
    [() => resolveOAuthOptions({ codeExchangeExpiresIn: 0 }), /oauth\.codeExchangeExpiresIn must be an integer of at least 60, got 0/],
    [() => resolveOAuthOptions({ apps: [{ name: '' }] }), /oauth\.apps\[0\]\.name must be a non-empty string/],
    [() => resolveOAuthOptions({ apps: [{ name: 'x', id: 'abc' }] }), /oauth\.apps\[0\]\.id must be a numeric string/],
    [() => resolveOAuthOptions({ apps: [{ name: 'x', id: '12345' }, { name: 'y', id: '12345' }] }), /ids must be unique/],
    [() => resolvePublishingOptions({ containersPerDay: 0 }), /publishing\.containersPerDay must be an integer of at least 1/],
    [() => resolvePublishingOptions({ videoProcessingSeconds: 1.5 }), /publishing\.videoProcessingSeconds/],
  ];
  for (const [run, message] of bad) {
    assert.throws(run, (error: unknown) => error instanceof IgsqlError && message.test(error.message));
  }
  assert.ok(!JSON.stringify((() => { try { resolveOAuthOptions({ apps: [{ name: 'x', secret: 'short' }] }); } catch (e) { return (e as Error).message; } return ''; })()).includes('short'), 'secrets are not echoed');
});
