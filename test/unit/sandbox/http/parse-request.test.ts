import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRequest } from '../../../../src/sandbox/http/parse-request.js';
import { GraphError } from '../../../../src/sandbox/graph-error.js';

const parse = (url: string, extra: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  parseRequest({ method: extra.method ?? 'GET', url, headers: extra.headers ?? {}, body: extra.body }, 25);

test('versions: prefix removed, default for unversioned paths, old ones served by v21.0', () => {
  assert.deepEqual([parse('/v23.0/me').version, parse('/v23.0/me').path], ['v23.0', '/me']);
  assert.deepEqual([parse('/me').version, parse('/me').path], ['v25.0', '/me']);
  assert.equal(parse('/v4.0/me').version, 'v21.0');
  assert.throws(() => parse('/v99.0/me'), (e: unknown) => e instanceof GraphError && e.spec.code === 2500);
});

test('repeated slashes collapse, segments are decoded', () => {
  assert.deepEqual(parse('//v25.0//17841/media//').segments, ['17841', 'media']);
  assert.equal(parse('/v25.0/').path, '/');
});

test('query, form and JSON bodies merge (body wins), in arrival order', () => {
  const form = parse('/me?fields=id&limit=5', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'limit=7&message=hi%20there' });
  assert.deepEqual(form.params, { fields: 'id', limit: '7', message: 'hi there' });
  assert.deepEqual(form.paramOrder, ['fields', 'limit', 'message']);
  const json = parse('/me', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"hide":true,"n":3,"children":["1","2"],"caption":"x"}' });
  assert.deepEqual(json.params, { hide: 'true', n: '3', children: '["1","2"]', caption: 'x' });
  assert.throws(() => parse('/me', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1]' }), GraphError);
  assert.equal(Object.getPrototypeOf(parse('/me?__proto__=x').params), Object.prototype);
  assert.equal(parse('/me?__proto__=x').params['__proto__'], 'x');
});

test('tokens from access_token, Authorization: Bearer or OAuth', () => {
  assert.equal(parse('/me?access_token=EAAq').token, 'EAAq');
  assert.equal(parse('/me', { headers: { authorization: 'Bearer EAAb' } }).token, 'EAAb');
  assert.equal(parse('/me', { headers: { Authorization: 'OAuth EAAc' } }).token, 'EAAc');
  assert.equal(parse('/me', { method: 'POST', body: 'access_token=EAAd' }).token, 'EAAd');
  assert.equal(parse('/me').token, undefined);
});

test('method override and unsupported methods', () => {
  assert.equal(parse('/123?method=delete').method, 'DELETE');
  assert.equal(parse('/123?method=delete').params['method'], undefined);
  assert.throws(() => parse('/me', { method: 'PUT' }), GraphError);
});
