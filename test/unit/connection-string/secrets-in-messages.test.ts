import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { IgsqlError } from '../../../src/errors.js';
import { parseConnectionString } from '../../../src/connection-string/parse.js';
import { resolveConnectionProperties } from '../../../src/connection-string/properties.js';

/**
 * Secrets are built from the letters Q, X, Z and J (which no igsql message contains) plus the
 * characters that break a connection string (; = quotes braces spaces). Whatever the string
 * around them, no output may contain one of those letters.
 */
const SECRET_LETTER = /[QXZJ]/;
const secretValue = fc.string({
  unit: fc.constantFrom('Q', 'X', 'Z', 'J', ';', '=', "'", '"', '{', '}', ' '),
  minLength: 1,
  maxLength: 12,
});
const secretKey = fc.constantFrom(
  'OAuthAccessToken', 'oauthclientsecret', 'OAuth Refresh Token', 'ProxyPassword', 'FIREWALLPASSWORD', 'OAuthVerifier',
  'AccessToken', 'ClientSecret', 'AppSecret', 'RefreshToken',
);
/** How the secret is written: bare, quoted (maybe badly), or braced. */
const written = fc.constantFrom(
  (v: string) => v,
  (v: string) => `'${v}'`,
  (v: string) => `'${v}`,
  (v: string) => `"${v}"QZ`,
  (v: string) => `{${v}}`,
  (v: string) => `{${v}`,
);
const secretPair = fc.tuple(secretKey, secretValue, written).map(([k, v, w]) => `${k}=${w(v)}`);
/** Other pairs, valid and invalid. */
const otherPair = fc.constantFrom('Timeout=5', 'Timeout=abc', 'Foo=1', 'Verbosity', "Logfile='x'y", '=1', 'ProxyServer=p:1', 'FirewallType=SOCKS5');
const connectionString = fc
  .array(fc.oneof(secretPair, otherPair), { minLength: 1, maxLength: 6 })
  .map((pairs) => pairs.join(';'));

function outputsOf(text: string): string[] {
  try {
    const settings = resolveConnectionProperties(text);
    return [String(settings), JSON.stringify(settings), inspect(settings), JSON.stringify(settings.values), inspect(settings.values), ...settings.warnings];
  } catch (error) {
    assert.ok(IgsqlError.is(error), String(error));
    return [error.message, JSON.stringify(error.details), inspect(error.details, { depth: 5 })];
  }
}

test('no message, detail or rendering ever contains any piece of a secret', () => {
  fc.assert(
    fc.property(connectionString, (text) => {
      for (const output of outputsOf(text)) {
        assert.doesNotMatch(output, SECRET_LETTER, `${text}\n→ ${output}`);
      }
    }),
    { numRuns: 3000 },
  );
});

test('a parsed string renders secrets masked, whatever they contain', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(secretPair, otherPair), { minLength: 1, maxLength: 4 }).map((p) => p.join(';')).filter(isParsable), (text) => {
      const parsed = parseConnectionString(text);
      for (const output of [String(parsed), JSON.stringify(parsed), inspect(parsed), inspect(parsed.pairs)]) {
        assert.doesNotMatch(output, SECRET_LETTER, output);
      }
    }),
  );
});

function isParsable(text: string): boolean {
  try {
    parseConnectionString(text);
    return true;
  } catch {
    return false;
  }
}

test('a secret cut at a ; or a quote: the pieces are not shown, and the message says how to quote it', () => {
  const cases = [
    'ProxyPassword=QX;ZJ',
    'ProxyPassword=QX;ZJ=1',
    'ProxyPassword=QX;ZJ;QQ;Timeout=5',
    'ProxyPassword=QX;ZJ=1;QQ=2',
    "ProxyPassword=QX;ZJ='a'Q",
    "ProxyPassword=QX;ZJ='Q",
    'ProxyPassword=QX;=ZJ',
    'ProxyPassword="Q";X"Z',
    'ProxyPassword={Q};X}',
    'ProxyPassword==QX',
    'ProxyPassword==QX=ZJ',
    "ProxyPassword=''QX;ZJ",
  ];
  for (const text of cases) {
    const [message] = outputsOf(text);
    assert.doesNotMatch(message!, SECRET_LETTER, message);
    assert.match(message!, /it may be part of the value of ProxyPassword: if that value contains ';', '=' or quotes, enclose it in quotes and write a quote inside it twice/, text);
  }
  // A known property ends the suspicion: later unknown keys are named again.
  assert.match(outputsOf('ProxyPassword=QX;Timeout=5;Foo=1')[0]!, /unknown property 'Foo'/);
});
