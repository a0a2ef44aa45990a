import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isGraphError } from '../../../../src/sandbox/graph-error.js';
import { MAX_BATCH, operationUrl, parseBatch, referencedNames } from '../../../../src/sandbox/batch/batch-request.js';

function batchFailure(text: string): Record<string, unknown> {
  try {
    parseBatch(text);
  } catch (error) {
    assert.ok(isGraphError(error));
    return error.envelope('trace').error;
  }
  assert.fail('expected a GraphBatchException');
}

test('relative_url with or without version, leading slash, or starting with ?ids=', () => {
  assert.equal(operationUrl('1789/insights?metric=reach', 'v25.0'), '/v25.0/1789/insights?metric=reach');
  assert.equal(operationUrl('/1789', 'v25.0'), '/v25.0/1789');
  assert.equal(operationUrl('v24.0/1789', 'v25.0'), '/v24.0/1789');
  assert.equal(operationUrl('/v23.0/1789?fields=id', 'v25.0'), '/v23.0/1789?fields=id');
  assert.equal(operationUrl('?ids=1,2&fields=id', 'v25.0'), '/v25.0/?ids=1,2&fields=id');
  assert.equal(operationUrl('me', 'v22.0'), '/v22.0/me');
});

test('operations: defaults, per-operation fields, and problems kept per operation', () => {
  const ops = parseBatch(JSON.stringify([
    { relative_url: 'me' },
    { method: 'post', relative_url: '1/comments', body: 'message=hi', name: 'c', access_token: 'EAAx', omit_response_on_success: false },
    { method: 'GET' },
    'nonsense',
    { method: 'POST', relative_url: '1', body: { message: 'hi there', n: 2 } },
  ]));
  assert.equal(ops[0]!.method, 'GET');
  assert.equal(ops[1]!.method, 'POST');
  assert.equal(ops[1]!.body, 'message=hi');
  assert.equal(ops[1]!.name, 'c');
  assert.equal(ops[1]!.accessToken, 'EAAx');
  assert.equal(ops[1]!.omitResponseOnSuccess, false);
  assert.equal(ops[2]!.problem?.message, '(#100) The parameter relative_url is required');
  assert.match(ops[3]!.problem!.message, /Batch request 3 must be a JSON object/);
  assert.equal(ops[4]!.body, 'message=hi+there&n=2');
});

test('whole-batch errors: not an array, more than 50, a reference to a later or unknown name', () => {
  assert.equal(batchFailure('{"method":"GET"}')['type'], 'GraphBatchException');
  assert.equal(batchFailure('not json')['code'], 100);
  const tooMany = batchFailure(JSON.stringify(Array.from({ length: MAX_BATCH + 1 }, () => ({ method: 'GET', relative_url: 'me' }))));
  assert.equal(tooMany['message'], 'Too many requests in batch message. Maximum batch size is 50');
  assert.equal(tooMany['type'], 'GraphBatchException');
  const later = batchFailure(JSON.stringify([{ relative_url: '?ids={result=b:$.id}' }, { relative_url: 'me', name: 'b' }]));
  assert.equal(later['message'], 'Request 0 cannot depend on an unresolved request with name b. Requests can only depend on preceding requests');
  assert.match(batchFailure(JSON.stringify([{ relative_url: 'me', depends_on: 'x' }]))['message'] as string, /name x/);
  assert.equal(parseBatch(JSON.stringify(Array.from({ length: MAX_BATCH }, () => ({ relative_url: 'me' })))).length, 50);
});

test('referencedNames lists the names later operations use', () => {
  const ops = parseBatch(JSON.stringify([
    { relative_url: 'me/accounts', name: 'a' }, { relative_url: 'me', name: 'unused' },
    { relative_url: '?ids={result=a:$.data.*.id}' }, { relative_url: 'me', depends_on: 'unused' },
  ]));
  assert.deepEqual([...referencedNames(ops)].sort(), ['a', 'unused']);
});
