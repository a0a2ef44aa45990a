import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksSecret, maskSecretValue } from '../../../src/cli/mask-secret.js';

test('maskSecretValue keeps at most four characters, none of a short value', () => {
  assert.equal(maskSecretValue('EAABsbCS1iHgBAKZCZBhZAXrZCvv6nLZB'), 'EAAB…(masked)');
  assert.equal(maskSecretValue('abc123'), '…(masked)');
});

test('looksSecret: tokens, secret-named settings and long random words are kept out of the history', () => {
  assert.ok(looksSecret("SELECT * FROM Page WHERE x = 'EAABsbCS1iHgBAKZCZBhZAXrZCvv6nLZB'"));
  assert.ok(looksSecret("EXEC RefreshOAuthAccessToken @OAuthRefreshToken = 'abc'"));
  assert.ok(looksSecret('password=hunter2'));
  assert.ok(looksSecret('x 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b'));
  assert.ok(!looksSecret('SELECT Id, Caption FROM Media WHERE Id = 17965125809753352'));
  assert.ok(!looksSecret('\\d Media'));
  assert.ok(!looksSecret("SELECT COUNT(*) FROM Comments WHERE Hidden = true AND Text LIKE '%coffee%'"));
});
