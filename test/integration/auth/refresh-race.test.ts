/**
 * Two igsql processes share one OAuthSettingsLocation file and both find the token due for
 * renewal at the same moment: the file lock makes one renew it and the other use the result.
 * Both queries succeed, the file stays valid and 0600, and the token is exchanged once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileTokenStore, parseTokens } from '../../../src/auth/index.js';
import { startSandbox } from '../../../src/sandbox/index.js';
import { spawnFixture } from '../../unit/auth/fixtures/spawn-tsx.js';
import { appProps } from './fixtures/sandbox-user.js';

const DAY = 86_400_000;
const CHILD = new URL('./fixtures/query-child.ts', import.meta.url).href;

test('two processes renewing the same stored token at once: one exchange, both queries succeed, the file stays valid', { timeout: 120_000 }, async () => {
  const sb = await startSandbox({ port: 0 });
  try {
    const dir = await mkdtemp(join(tmpdir(), 'igsql-race-'));
    const file = join(dir, 'tokens.json');
    const old = sb.tokens.longLivedUser;
    await new FileTokenStore(file).update(() => ({
      next: { appId: sb.app.id, accessToken: old, refreshToken: old, tokenType: 'bearer', kind: 'long-lived', expiresAt: Date.now() + 3 * DAY, issuedAt: Date.now() - 57 * DAY },
      result: undefined,
    }));
    const props = `${appProps(sb)};InitiateOAuth=GETANDREFRESH;OAuthSettingsLocation=${file}`;
    const children = [spawnFixture(CHILD, [props, 'SELECT Id FROM Account']), spawnFixture(CHILD, [props, 'SELECT Id FROM Account'])];
    await Promise.all(children.map((c) => c.line(/^ready$/)));
    for (const c of children) c.send('go');
    const results = await Promise.all(children.map((c) => c.line(/^(rows|error) /)));
    const codes = await Promise.all(children.map((c) => c.exit()));
    assert.deepEqual(codes, [0, 0], children.map((c) => c.stderr()).join('\n'));
    for (const r of results) assert.match(r, /^rows [1-9]\d*$/);
    const exchanges = sb.requests.filter((r) => r.params['grant_type'] === 'fb_exchange_token');
    assert.equal(exchanges.length, 1, 'the second process used the first one’s renewal');
    const stored = parseTokens(await readFile(file, 'utf8'), file);
    assert.ok(stored && stored.accessToken !== old && typeof stored.expiresAt === 'number' && stored.expiresAt > Date.now() + 50 * DAY);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.deepEqual((await readdir(dir)).filter((n) => n !== 'tokens.json'), [], 'no temp or lock file left behind');
  } finally {
    await sb.stop();
  }
});
