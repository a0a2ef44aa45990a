import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boolean, formatSize, integer, list, oneOf, size, text, url, version } from '../../../src/connection-string/property-types.js';
import type { PropertyType } from '../../../src/connection-string/property-types.js';

function ok<T>(type: PropertyType<T>, raw: string): T {
  const result = type.schema.safeParse(raw);
  assert.ok(result.success, `${raw}: ${JSON.stringify(result.error?.issues)}`);
  return result.data;
}

function bad<T>(type: PropertyType<T>, raw: string): string {
  const result = type.schema.safeParse(raw);
  assert.ok(!result.success, `${raw} was accepted`);
  return result.error.issues[0]!.message;
}

test('text keeps the value as it is', () => {
  assert.equal(ok(text(), ' a b '), ' a b ');
  assert.equal(text().format('x'), 'x');
  assert.equal(text().label, 'string');
});

test('integer: whole numbers in range, with a message naming the range', () => {
  const port = integer(1, 65535);
  assert.equal(ok(port, '8080'), 8080);
  assert.equal(ok(port, ' +443 '), 443);
  assert.equal(ok(port, '00080'), 80);
  assert.equal(ok(port, '65535'), 65535);
  for (const raw of ['0', '65536', '-1', '1.5', '1e3', '0x10', 'abc', ' ']) {
    assert.equal(bad(port, raw), 'expected a whole number from 1 to 65535', raw);
  }
  assert.equal(port.label, 'integer 1–65535');
  assert.equal(port.format(80), '80');
  const unbounded = integer(0, Number.MAX_SAFE_INTEGER);
  assert.equal(unbounded.label, 'integer ≥ 0');
  assert.equal(bad(unbounded, '-1'), 'expected a whole number of at least 0');
  assert.equal(bad(unbounded, '99999999999999999999'), 'expected a whole number of at least 0');
});

test('integer with an extra rule', () => {
  const count = integer(-10, 10, { test: (n) => n !== 1, message: 'not one', label: 'integer (not 1)' });
  assert.equal(ok(count, '2'), 2);
  assert.equal(ok(count, '-3'), -3);
  assert.equal(bad(count, '1'), 'not one');
  assert.equal(count.label, 'integer (not 1)');
});

test('boolean: true/false, yes/no, 1/0 in any case', () => {
  const type = boolean();
  for (const raw of ['true', 'TRUE', ' Yes ', '1']) assert.equal(ok(type, raw), true, raw);
  for (const raw of ['false', 'False', 'no', '0']) assert.equal(ok(type, raw), false, raw);
  for (const raw of ['on', '2', 'y', 'truee']) assert.equal(bad(type, raw), 'expected true or false (or yes/no, 1/0)', raw);
  assert.equal(type.format(true), 'true');
});

test('enum: matched ignoring case, returned in its canonical spelling', () => {
  const type = oneOf(['OFF', 'GETANDREFRESH', 'REFRESH']);
  assert.equal(ok(type, 'getandrefresh'), 'GETANDREFRESH');
  assert.equal(ok(type, ' Refresh '), 'REFRESH');
  assert.equal(bad(type, 'sometimes'), 'expected one of OFF, GETANDREFRESH, REFRESH');
  assert.deepEqual(type.allowed, ['OFF', 'GETANDREFRESH', 'REFRESH']);
  assert.equal(type.label, 'OFF, GETANDREFRESH, REFRESH');
  assert.equal(type.format('OFF'), 'OFF');
  assert.equal(ok(oneOf(['OAuth', 'SystemUser']), 'systemuser'), 'SystemUser');
});

test('size: units of 1024, a floor, and a readable format', () => {
  const type = size(100 * 1024);
  assert.equal(ok(type, '100MB'), 100 * 1024 * 1024);
  assert.equal(ok(type, '512kB'), 512 * 1024);
  assert.equal(ok(type, '512 KB'), 512 * 1024);
  assert.equal(ok(type, '1.5gb'), 1.5 * 1024 ** 3);
  assert.equal(ok(type, '204800'), 204800);
  assert.equal(ok(type, '204800b'), 204800);
  assert.equal(bad(type, '99kB'), 'must be at least 100kB');
  assert.equal(bad(type, 'lots'), 'expected a size such as 100MB, 512kB or a number of bytes');
  assert.equal(bad(type, '10TB'), 'expected a size such as 100MB, 512kB or a number of bytes');
  assert.equal(bad(type, '99999999999999GB'), 'expected a size such as 100MB, 512kB or a number of bytes');
  assert.equal(type.label, 'size ≥ 100kB');
  assert.equal(formatSize(100 * 1024 * 1024), '100MB');
  assert.equal(formatSize(2 * 1024 ** 3), '2GB');
  assert.equal(formatSize(1536), '1536');
  assert.equal(formatSize(2048), '2kB');
  assert.equal(formatSize(0), '0');
});

test('base URL: http(s), no credentials, query or fragment; trailing slash dropped', () => {
  const type = url({ base: true });
  assert.equal(ok(type, 'https://graph.facebook.com/'), 'https://graph.facebook.com');
  assert.equal(ok(type, ' http://127.0.0.1:8080/graph// '), 'http://127.0.0.1:8080/graph');
  const message = 'expected an http(s) URL without credentials, query or fragment, such as https://graph.facebook.com';
  for (const raw of ['graph.facebook.com', 'ftp://x', 'https://u:p@x', 'https://u@x', 'https://x/?a=1', 'https://x/#f', 'https://x/?', 'http://']) {
    assert.equal(bad(type, raw), message, raw);
  }
  assert.equal(type.label, 'URL');
  assert.equal(type.format('https://x'), 'https://x');
});

test('callback URL: kept exactly as written', () => {
  const type = url({ base: false });
  assert.equal(ok(type, 'https://app.example/cb/?x=1'), 'https://app.example/cb/?x=1');
  assert.equal(bad(type, 'localhost:33333'), 'expected an http(s) URL without credentials, such as http://localhost:33333');
});

test('list: commas or semicolons, items trimmed, blanks dropped, frozen', () => {
  const type = list();
  const items = ok(type, ' a, b ;c;; ,');
  assert.deepEqual(items, ['a', 'b', 'c']);
  assert.ok(Object.isFrozen(items));
  assert.deepEqual(ok(type, ' '), []);
  assert.equal(type.format(['a', 'b']), 'a,b');
});

test('version: vNN.0, with v25, 25.0 and V25.0 read as v25.0', () => {
  const type = version();
  for (const raw of ['v25.0', 'V25.0', 'v25', '25.0', '25', ' v9.0 ']) {
    assert.match(ok(type, raw), /^v(25|9)\.0$/, raw);
  }
  assert.equal(ok(type, '07'), 'v7.0');
  for (const raw of ['v25.1', 'latest', 'v100.0', 'v.0', '']) {
    assert.equal(bad(type, raw), 'expected a Graph API version such as v25.0', raw);
  }
  assert.equal(type.format('v25.0'), 'v25.0');
});
