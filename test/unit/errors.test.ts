import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GraphApiError, IgsqlError, closest, didYouMean, positionOf } from '../../src/errors.js';

test('IgsqlError carries a code, details and a cause', () => {
  const cause = new Error('boom');
  const err = new IgsqlError('config', 'bad', { cause, details: { property: 'Timeout' } });
  assert.equal(err.code, 'config');
  assert.equal(err.cause, cause);
  assert.deepEqual(err.details, { property: 'Timeout' });
  assert.ok(IgsqlError.is(err));
  assert.ok(!IgsqlError.is(new Error('x')));
});

test('GraphApiError exposes the envelope fields and names them in its message', () => {
  const err = new GraphApiError(
    { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190, error_subcode: 463, fbtrace_id: 'AbC', is_transient: false },
    400,
    { context: 'GET /me' },
  );
  assert.equal(err.code, 'graph');
  assert.equal(err.graphCode, 190);
  assert.equal(err.subcode, 463);
  assert.equal(err.fbtraceId, 'AbC');
  assert.equal(err.httpStatus, 400);
  assert.equal(err.isTransient, false);
  assert.match(err.message, /190, subcode 463 \(GET \/me\): Invalid OAuth access token\. \[HTTP 400, fbtrace_id AbC\]/);
});

test('closest suggests near names only', () => {
  assert.equal(closest('Timout', ['Timeout', 'Verbosity']), 'Timeout');
  assert.equal(closest('proxyserver', ['ProxyServer']), 'ProxyServer');
  assert.equal(closest('zzzzzz', ['Timeout']), undefined);
  assert.equal(didYouMean('Timout', ['Timeout']), ' Did you mean Timeout?');
  assert.equal(didYouMean('qqqqqq', ['Timeout']), '');
});

test('positionOf gives 1-based line and column', () => {
  assert.deepEqual(positionOf('ab\ncd', 4), { offset: 4, line: 2, column: 2 });
  assert.deepEqual(positionOf('abc', 0), { offset: 0, line: 1, column: 1 });
});
