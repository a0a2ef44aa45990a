import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createManualClock } from '../../../../src/sandbox/clock.js';
import { GraphError } from '../../../../src/sandbox/graph-error.js';
import { TokenRegistry, LONG_LIVED_SECONDS } from '../../../../src/sandbox/tokens/token-registry.js';
import { pacificTime } from '../../../../src/sandbox/tokens/token-errors.js';

const START = Date.parse('2026-05-19T23:00:00Z');
const HOUR = 3_600_000;

function setup() {
  const clock = createManualClock(START);
  return { clock, tokens: new TokenRegistry(clock, 42, { id: '104000000000001', secret: 'f'.repeat(32) }) };
}

function problem(tokens: TokenRegistry, token: string | undefined): { code: number; subcode?: number; message: string } | undefined {
  const error = tokens.problem(token);
  return error && { code: error.spec.code, subcode: error.spec.subcode, message: error.message };
}

test('short-lived user tokens expire after 2 hours with Meta\'s 190/463 message (Pacific time)', () => {
  const { clock, tokens } = setup();
  const user = tokens.issue({ type: 'USER', userId: '1' });
  assert.match(user.token, /^EAA[A-Za-z0-9]{100,}$/);
  assert.equal(user.expiresAt - user.issuedAt, 7200);
  clock.advance(2 * HOUR - 1000);
  assert.equal(tokens.problem(user.token), undefined);
  clock.advance(1000);
  const p = problem(tokens, user.token)!;
  assert.equal(p.code, 190);
  assert.equal(p.subcode, 463);
  assert.equal(p.message, 'Error validating access token: Session has expired on Tuesday, 19-May-26 18:00:00 PDT. The current time is Tuesday, 19-May-26 18:00:00 PDT.');
  assert.equal(pacificTime(Date.parse('2026-01-15T12:00:00Z')), 'Thursday, 15-Jan-26 04:00:00 PST');
});

test('long-lived tokens last 60 days; page tokens from them never expire, from short-lived ones 1 hour', () => {
  const { clock, tokens } = setup();
  const long = tokens.issue({ type: 'USER', userId: '1', longLived: true });
  const short = tokens.issue({ type: 'USER', userId: '1' });
  assert.equal(long.expiresAt - long.issuedAt, LONG_LIVED_SECONDS);
  const pageForever = tokens.pageTokenFor('p1', long);
  const pageHour = tokens.pageTokenFor('p1', short);
  assert.equal(pageForever.expiresAt, 0);
  assert.equal(pageHour.expiresAt - pageHour.issuedAt, 3600);
  assert.equal(tokens.pageTokenFor('p1', long).token, pageForever.token, 'cached per (page, user token)');
  clock.advance(59 * 24 * HOUR);
  assert.equal(tokens.problem(long.token), undefined);
  assert.equal(problem(tokens, pageHour.token)?.subcode, 463);
  clock.advance(2 * 24 * HOUR);
  assert.equal(problem(tokens, long.token)?.subcode, 463);
  assert.equal(tokens.problem(pageForever.token), undefined);
});

test('missing, unknown, invalidated and expired-on-demand tokens', () => {
  const { tokens } = setup();
  assert.deepEqual(problem(tokens, undefined), { code: 104, subcode: undefined, message: 'An access token is required to request this resource.' });
  assert.equal(problem(tokens, 'garbage')?.message, 'Invalid OAuth access token - Cannot parse access token');
  const a = tokens.issue({ type: 'SYSTEM_USER', userId: '9' });
  assert.equal(a.expiresAt, 0);
  assert.equal(a.dataAccessExpiresAt, 0);
  tokens.invalidate(a.token, 'password-changed');
  assert.equal(problem(tokens, a.token)?.subcode, 460);
  const b = tokens.issue({ type: 'USER', userId: '1', longLived: true });
  tokens.expire(b.token);
  assert.equal(problem(tokens, b.token)?.subcode, 463);
  assert.throws(() => tokens.validate(b.token), GraphError);
});

test('the app token literal app_id|app_secret is an APP token', () => {
  const { tokens } = setup();
  const literal = tokens.appTokenLiteral();
  assert.equal(literal, `104000000000001|${'f'.repeat(32)}`);
  assert.equal(tokens.validate(literal).type, 'APP');
  assert.equal(tokens.lookup('104000000000001|wrong'), undefined);
});

test('data access lapses after 90 days (190/493)', () => {
  const { clock, tokens } = setup();
  const user = tokens.issue({ type: 'USER', userId: '1', lifetimeSeconds: 0 });
  clock.advance(91 * 24 * HOUR);
  assert.equal(problem(tokens, user.token)?.subcode, 493);
});
