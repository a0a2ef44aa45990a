import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GraphApiError } from '../../../src/errors.js';
import { isMissingObject, isOtherKindOfObject } from '../../../src/schema/scan.js';

const graphError = (code: number, message: string, subcode?: number) =>
  new GraphApiError({ message, type: 'OAuthException', code, ...(subcode === undefined ? {} : { error_subcode: subcode }) }, 400);

test('only a true "object does not exist" counts as a missing object', () => {
  assert.equal(isMissingObject(graphError(100, "Unsupported get request. Object with ID '1' does not exist, cannot be loaded due to missing permissions", 33)), true);
  assert.equal(isMissingObject(graphError(803, '(#803) Some of the aliases you requested do not exist: nobody')), true);
  assert.equal(isMissingObject(graphError(100, "(#100) Object with ID '1' does not exist")), true);
  // a plain 100 is an invalid parameter: skipping it would silently drop rows
  assert.equal(isMissingObject(graphError(100, '(#100) Tried accessing nonexisting field (x) on node type (ShadowIGUser)')), false);
  assert.equal(isMissingObject(graphError(100, '(#100) metric[0] must be one of the following values: reach, views')), false);
  assert.equal(isMissingObject(graphError(100, '(#100) The parameter since does not exist')), false);
  assert.equal(isMissingObject(graphError(190, 'Invalid OAuth access token')), false);
  assert.equal(isMissingObject(new Error('does not exist')), false);
});

test('an id of another kind of object is recognised by the field it lacks', () => {
  assert.equal(isOtherKindOfObject(graphError(100, '(#100) Tried accessing nonexisting field (media) on node type (ShadowIGMedia)')), true);
  assert.equal(isOtherKindOfObject(graphError(100, '(#100) metric[0] must be one of the following values: reach')), false);
  assert.equal(isOtherKindOfObject(graphError(100, "Object with ID '1' does not exist", 33)), false);
});
