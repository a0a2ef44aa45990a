import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type StoredTokens, parseTokens, serializeTokens, tokensAsProperties } from '../../../src/auth/stored-tokens.js';
import { IgsqlError } from '../../../src/errors.js';

const SECRET = 'EAAsecretTOKENvalue123';

const full: StoredTokens = {
  appId: '1234',
  accessToken: SECRET,
  refreshToken: SECRET,
  tokenType: 'bearer',
  kind: 'long-lived',
  expiresAt: 1_790_000_000_000,
  issuedAt: 1_784_816_000_000,
  refreshedAt: 1_784_816_000_000,
  dataAccessExpiresAt: null,
  scopes: ['instagram_basic'],
  userId: '1020',
  seeds: ['token:abc'],
  pageTokens: { '1021': { accessToken: 'EAApage', name: 'My Page', expiresAt: null, fetchedAt: 1 } },
};

test('serialize and parse round-trip, with a format marker and version', () => {
  const text = serializeTokens(full);
  assert.match(text, /"igsql": "oauth-settings"/);
  assert.match(text, /"version": 1/);
  assert.deepEqual(parseTokens(text, '/x'), full);
});

test('round-trips any well-formed tokens (property)', () => {
  const time = fc.integer({ min: 0, max: 4_102_444_800_000 });
  const arb = fc.record(
    {
      accessToken: fc.string({ minLength: 1 }),
      tokenType: fc.constant('bearer'),
      kind: fc.constantFrom('short-lived', 'long-lived', 'page', 'system-user', 'unknown' as const),
      issuedAt: time,
      expiresAt: fc.option(time, { nil: null }),
      refreshToken: fc.string({ minLength: 1 }),
      scopes: fc.array(fc.string()),
    },
    { requiredKeys: ['accessToken', 'tokenType', 'kind', 'issuedAt'] },
  );
  fc.assert(fc.property(arb, (t) => assert.deepEqual(parseTokens(serializeTokens({ ...t } as StoredTokens), '/x'), { ...t })));
});

test('an empty file means no tokens', () => {
  assert.equal(parseTokens('', '/x'), undefined);
  assert.equal(parseTokens('  \n', '/x'), undefined);
});

function configError(file: string, fragment: RegExp) {
  return (err: unknown) => {
    assert.ok(IgsqlError.is(err));
    assert.equal(err.code, 'config');
    assert.ok(err.message.includes(file), err.message);
    assert.match(err.message, fragment);
    assert.ok(!err.message.includes(SECRET), 'the message must not echo the file content');
    return true;
  };
}

test('corrupt files are config errors that name the file and never its content', () => {
  const file = '/home/ana/.config/igsql/oauth-1.json';
  assert.throws(() => parseTokens(`{"accessToken": "${SECRET}"`, file), configError(file, /not valid JSON/));
  assert.throws(() => parseTokens(`"${SECRET}"`, file), configError(file, /JSON object/));
  assert.throws(() => parseTokens(`{"accessToken": "${SECRET}"}`, file), configError(file, /not an igsql OAuth settings file/));
  assert.throws(() => parseTokens(`{"igsql":"oauth-settings","version":9,"accessToken":"${SECRET}"}`, file), configError(file, /version 9.*upgrade igsql/));
  assert.throws(() => parseTokens(`{"igsql":"oauth-settings","version":1,"accessToken":""}`, file), configError(file, /"accessToken"/));
  assert.throws(() => parseTokens(`{"igsql":"oauth-settings","version":1,"accessToken":"${SECRET}","expiresAt":"soon"}`, file), configError(file, /"expiresAt"/));
  assert.throws(() => parseTokens(`{"igsql":"oauth-settings","version":1,"accessToken":"${SECRET}","kind":"forever"}`, file), configError(file, /"kind"/));
  assert.throws(
    () => parseTokens(`{"igsql":"oauth-settings","version":1,"accessToken":"x","pageTokens":{"5":{"name":"${SECRET}"}}}`, file),
    configError(file, /page 5/),
  );
});

test('parseTokens throws only IgsqlErrors on arbitrary text (property)', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
      try {
        parseTokens(text, '/f');
      } catch (err) {
        assert.ok(IgsqlError.is(err) && err.code === 'config');
      }
    }),
  );
});

test('tokensAsProperties renders the OAuth properties (-1 = never expires)', () => {
  const now = full.issuedAt;
  assert.deepEqual(tokensAsProperties(full, now), {
    OAuthAccessToken: SECRET,
    OAuthRefreshToken: SECRET,
    OAuthExpiresIn: String((1_790_000_000_000 - now) / 1000),
    OAuthTokenTimestamp: String(now),
  });
  assert.equal(tokensAsProperties({ ...full, expiresAt: null }, now).OAuthExpiresIn, '-1');
  const { expiresAt: _unused, ...unknown } = full;
  assert.equal(tokensAsProperties(unknown, now).OAuthExpiresIn, '');
});
