import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createManualClock } from '../../../../src/sandbox/clock.js';
import { createWorld } from '../../../../src/sandbox/data/world.js';
import { resolveRateLimit } from '../../../../src/sandbox/rate-limits/rate-limit-options.js';
import { RateLimiter } from '../../../../src/sandbox/rate-limits/rate-limiter.js';
import type { CallScope } from '../../../../src/sandbox/rate-limits/call-scope.js';
import { IgsqlError } from '../../../../src/errors.js';

const clock = createManualClock('2026-05-19T12:00:00Z');
const world = createWorld({ seed: 42, size: 'small', anchorMs: clock.now() });
const account = world.igAccounts[0]!;
const business = world.businesses[world.pages[account.pageIndex!]!.businessIndex]!.id;

function scope(over: Partial<CallScope> = {}): CallScope {
  return { tokenType: 'USER', app: true, userId: world.users[0]!.id, pageId: undefined, accounts: [account], calls: 1, ...over };
}

test('X-App-Usage and X-Business-Use-Case-Usage in percent, keyed by business and IG account', () => {
  const limiter = new RateLimiter(clock, world, resolveRateLimit({ appCalls: 10, bucCalls: 4 }));
  assert.equal(limiter.admit(scope()), undefined);
  const headers = limiter.headers(scope());
  assert.deepEqual(JSON.parse(headers['X-App-Usage']!), { call_count: 10, total_time: 10, total_cputime: 8 });
  const buc = JSON.parse(headers['X-Business-Use-Case-Usage']!);
  assert.deepEqual(Object.keys(buc), [business, account.id]);
  assert.deepEqual(buc[account.id], [{ type: 'instagram', call_count: 25, total_cputime: 20, total_time: 25, estimated_time_to_regain_access: 0 }]);
  assert.deepEqual(Object.keys(buc[account.id][0]), ['type', 'call_count', 'total_cputime', 'total_time', 'estimated_time_to_regain_access']);
});

test('which header goes with which token', () => {
  const limiter = new RateLimiter(clock, world, resolveRateLimit({}));
  const page = world.pages[0]!.id;
  assert.deepEqual(Object.keys(limiter.headers(scope({ accounts: [] }))), ['X-App-Usage'], 'user token, no IG account');
  const pageHeaders = limiter.headers(scope({ tokenType: 'PAGE', app: false, userId: undefined, pageId: page }));
  assert.deepEqual(Object.keys(pageHeaders), ['X-Business-Use-Case-Usage'], 'page token: BUC only');
  assert.equal(JSON.parse(pageHeaders['X-Business-Use-Case-Usage']!)[page][0].type, 'pages');
  assert.deepEqual(Object.keys(limiter.headers(scope({ tokenType: 'SYSTEM_USER', app: false, userId: undefined, accounts: [] }))), [], 'system user, no IG account');
});

test('throttles once a budget is used up, with the code of the counter and a regain time', () => {
  const limiter = new RateLimiter(clock, world, resolveRateLimit({ bucCalls: 2 }));
  assert.equal(limiter.admit(scope()), undefined);
  assert.equal(limiter.admit(scope()), undefined);
  const refused = limiter.admit(scope());
  assert.equal(refused?.spec.code, 80002);
  const buc = JSON.parse(refused!.spec.headers!['X-Business-Use-Case-Usage']!);
  assert.equal(buc[account.id][0].call_count, 150);
  assert.equal(buc[account.id][0].estimated_time_to_regain_access, 60);
  clock.advance(3_600_000);
  assert.equal(limiter.admit(scope()), undefined, 'the window rolled');
});

test('codes: 4 app, 17 user, 32 page', () => {
  const app = new RateLimiter(clock, world, resolveRateLimit({ appCalls: 1 }));
  app.admit(scope({ accounts: [] }));
  assert.equal(app.admit(scope({ accounts: [] }))?.spec.code, 4);
  const user = new RateLimiter(clock, world, resolveRateLimit({ userCalls: 1 }));
  user.admit(scope({ accounts: [] }));
  assert.equal(user.admit(scope({ accounts: [] }))?.spec.code, 17);
  const page = new RateLimiter(clock, world, resolveRateLimit({ pageCalls: 1 }));
  const pageScope = scope({ tokenType: 'PAGE', app: false, userId: undefined, pageId: world.pages[0]!.id, accounts: [] });
  page.admit(pageScope);
  const refused = page.admit(pageScope);
  assert.equal(refused?.spec.code, 32);
  assert.equal(refused?.spec.isTransient, true);
  assert.equal(refused?.message, '(#32) Page request limit reached');
});

test('headerAfterCalls holds headers back until a counter has enough calls', () => {
  const limiter = new RateLimiter(clock, world, resolveRateLimit({ headerAfterCalls: 2 }));
  limiter.admit(scope());
  assert.deepEqual(limiter.headers(scope()), {});
  limiter.admit(scope());
  assert.deepEqual(Object.keys(limiter.headers(scope())).sort(), ['X-App-Usage', 'X-Business-Use-Case-Usage']);
});

test('forced usage (fault injection) shows ≥ 100 % and the given regain time', () => {
  const limiter = new RateLimiter(clock, world, resolveRateLimit({}));
  const buc = JSON.parse(limiter.headers(scope({ accounts: [] }), { code: 80002, regainMinutes: 7 })['X-Business-Use-Case-Usage']!);
  assert.equal(buc[account.id][0].call_count, 100);
  assert.equal(buc[account.id][0].estimated_time_to_regain_access, 7);
  const app = JSON.parse(limiter.headers(scope({ app: false }), { code: 4, regainMinutes: 1 })['X-App-Usage']!);
  assert.equal(app.call_count, 100);
});

test('configure, reset and option validation', () => {
  const limiter = new RateLimiter(clock, world, resolveRateLimit({}));
  limiter.admit(scope());
  limiter.configure({ appCalls: 1 });
  assert.equal(limiter.admit(scope())?.spec.code, 4, 'counts kept when only budgets change');
  limiter.reset();
  assert.equal(limiter.usage().app.calls, 0);
  assert.throws(() => resolveRateLimit({ appCalls: 0 }), (e: unknown) => IgsqlError.is(e) && /rateLimit\.appCalls must be an integer ≥ 1/.test(e.message));
  assert.throws(() => resolveRateLimit({ appCallsPerHour: 5 } as never), /rateLimit\.appCallsPerHour is not an option; expected one of windowMs, appCalls/);
  assert.throws(() => resolveRateLimit({ windowMs: 10 }), /windowMs must be an integer ≥ 1000/);
  assert.equal(resolveRateLimit({ bucCalls: Infinity }).bucCalls, Infinity);
});
