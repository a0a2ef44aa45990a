import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { RequestContext } from '../../../../src/sandbox/context.js';
import { createManualClock } from '../../../../src/sandbox/clock.js';
import { FaultInjector } from '../../../../src/sandbox/faults/fault-injector.js';
import { pathPattern, resolveFaults, type FaultOptions } from '../../../../src/sandbox/faults/fault-options.js';
import { IgsqlError } from '../../../../src/errors.js';

const clock = createManualClock('2026-05-19T12:00:00Z');

function request(path: string, method = 'GET', source = 'http'): RequestContext {
  return { path, method, source, clock } as unknown as RequestContext;
}

function injector(options: FaultOptions, seed = 1): FaultInjector {
  return new FaultInjector(resolveFaults(options), seed);
}

test('path patterns: {x} and * are one segment, ** the rest, a version prefix is ignored', () => {
  assert.ok(pathPattern('/{ig-user-id}/media').test('/17841/media'));
  assert.ok(!pathPattern('/{ig-user-id}/media').test('/17841/media/extra'));
  assert.ok(pathPattern('/v25.0/*/comments').test('/179/comments'));
  assert.ok(pathPattern('/me/**').test('/me/accounts'));
  assert.ok(pathPattern('/').test('/'));
  assert.ok(!pathPattern('/me').test('/me2'));
  assert.ok(pathPattern('/a.b').test('/a.b') && !pathPattern('/a.b').test('/aXb'), 'literals are escaped');
});

test('script: nth counts matching requests per rule; times limits firing; the first rule that fires wins', () => {
  const faults = injector({ script: [
    { match: { path: '/{id}/media', nth: [2, 4] }, fault: 'server-error' },
    { match: { method: 'POST' }, fault: { kind: 'rate-limit', code: 4 }, times: 1 },
    { match: { path: /comments$/, source: 'batch' }, fault: 'reset' },
  ] });
  const kinds = ['/1/media', '/1/media', '/me', '/1/media', '/1/media'].map((p) => faults.choose(request(p))?.kind);
  assert.deepEqual(kinds, [undefined, 'server-error', undefined, undefined, 'server-error']);
  assert.equal(faults.choose(request('/1', 'POST'))?.code, 4);
  assert.equal(faults.choose(request('/1', 'POST')), undefined, 'times: 1');
  assert.equal(faults.choose(request('/9/comments')), undefined, 'source batch only');
  assert.equal(faults.choose(request('/9/comments', 'GET', 'batch'))?.kind, 'reset');
  assert.equal(faults.counts().total, 4);
  assert.equal(faults.counts().byKind['server-error'], 2);
  assert.deepEqual(faults.injected.map((f) => f.rule), [0, 0, 1, 2]);
});

test('random faults are deterministic for a seed, hit HTTP requests only, and follow the rate', () => {
  const draw = (seed: number) => {
    const faults = injector({ rate: 0.3, seed });
    return Array.from({ length: 200 }, (_, i) => faults.choose(request(`/${i}`))?.kind ?? '-');
  };
  assert.deepEqual(draw(7), draw(7));
  assert.notDeepEqual(draw(7), draw(8));
  const hits = draw(7).filter((k) => k !== '-');
  assert.ok(hits.length > 30 && hits.length < 90, `${hits.length} faults in 200 at rate 0.3`);
  assert.deepEqual([...new Set(hits)].sort(), ['reset', 'server-error', 'transient', 'unavailable']);
  const faults = injector({ rate: 1 });
  assert.equal(faults.choose(request('/x', 'GET', 'batch')), undefined);
  faults.setRate(0);
  assert.equal(faults.choose(request('/x')), undefined);
});

test('script(), clear() and resetCounts() at run time', () => {
  const faults = injector({});
  faults.script([{ match: { path: '/me' }, fault: 'transient' }]);
  assert.equal(faults.choose(request('/me'))?.kind, 'transient');
  faults.resetCounts();
  assert.equal(faults.counts().total, 0);
  faults.clear();
  assert.equal(faults.choose(request('/me')), undefined);
});

test('fault defaults and validation errors name the bad value and what is valid', () => {
  const [slow, limit, server] = resolveFaults({ kinds: ['slow-body', 'rate-limit', { kind: 'server-error', code: 2 }] }).kinds;
  assert.equal(slow!.stallMs, 1000);
  assert.equal(limit!.code, 80002);
  assert.equal(limit!.regainMinutes, 5);
  assert.equal(server!.code, 2);
  const bad: [FaultOptions, RegExp][] = [
    [{ rate: 2 }, /faults\.rate must be a number from 0 to 1/],
    [{ kinds: ['boom' as never] }, /faults\.kinds\[0\] must be one of server-error, unavailable, reset, slow-body/],
    [{ kinds: [{ kind: 'rate-limit', code: 99 as never }] }, /code must be one of 4, 17, 32, 613, 80002/],
    [{ kinds: [{ kind: 'server-error', code: 3 as never }] }, /code must be 1 or 2/],
    [{ kinds: [] }, /at least one kind/],
    [{ script: [{ match: { nth: 0 }, fault: 'reset' }] }, /nth must be positive integers/],
    [{ script: [{ match: { method: 'PUT' }, fault: 'reset' }] }, /method must be GET, POST or DELETE/],
    [{ script: [{ fault: { kind: 'slow-body', stallMs: -1 } }] }, /stallMs must be a non-negative integer/],
  ];
  for (const [options, message] of bad) {
    assert.throws(() => resolveFaults(options), (e: unknown) => IgsqlError.is(e) && e.code === 'usage' && message.test(e.message), String(message));
  }
});

test('a rule without nth fires on every match (property)', () => {
  fc.assert(fc.property(fc.array(fc.constantFrom('/a', '/b'), { maxLength: 30 }), (paths) => {
    const faults = injector({ script: [{ match: { path: '/a' }, fault: 'transient' }] });
    return paths.every((p) => (faults.choose(request(p)) !== undefined) === (p === '/a'));
  }));
});
