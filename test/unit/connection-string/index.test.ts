import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../../../src/connection-string/index.js';

test('the module exports its API', () => {
  assert.deepEqual(Object.keys(api).sort(), [
    'CATALOG',
    'CATEGORIES',
    'ConnectionSettings',
    'MASK',
    'PROPERTIES',
    'ParsedConnectionString',
    'buildConnectionString',
    'defaultProperties',
    'findProperty',
    'isSensitiveName',
    'maskIfSensitive',
    'maskProperties',
    'maskSecret',
    'normalizeName',
    'parseConnectionString',
    'resolveConnectionProperties',
    'safeConnectionString',
  ]);
  const settings = api.resolveConnectionProperties(api.buildConnectionString({ Timeout: '9' }));
  assert.equal(settings.values.Timeout, 9);
});
