import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createLogger, silentLogger } from '../../../src/logging/logger.js';
import { MemorySink } from '../../helpers/memory-sink.js';

test('without Logfile and sink the logger is silent', () => {
  const logger = createLogger({ Verbosity: 5 });
  assert.equal(logger, silentLogger);
  assert.equal(logger.module('http').enabled(1), false);
});

test('Verbosity decides which levels are written', () => {
  for (const verbosity of [1, 2, 3, 4, 5]) {
    const sink = new MemorySink();
    const log = createLogger({ Verbosity: verbosity }, sink).module('http');
    for (const level of [1, 2, 3, 4, 5] as const) log.log(level, { n: level }, `level ${level}`);
    log.warn({}, 'a warning');
    const written = sink.records().map((r) => r['msg']);
    const expected = [1, 2, 3, 4, 5].filter((l) => l <= verbosity).map((l) => `level ${l}`);
    assert.deepEqual(written, [...expected, 'a warning'], `verbosity ${verbosity}`);
    assert.equal(log.enabled(3), verbosity >= 3);
  }
});

test('every line names its module and verbosity level', () => {
  const sink = new MemorySink();
  createLogger({ Verbosity: 2 }, sink).module('graph').log(2, { status: 200 }, 'GET /me');
  const [record] = sink.records();
  assert.equal(record?.['module'], 'graph');
  assert.equal(record?.['v'], 2);
  assert.equal(record?.['status'], 200);
  assert.equal(typeof record?.['time'], 'string');
});

test('LogModules keeps only the named modules, case-insensitively', () => {
  const sink = new MemorySink();
  const logger = createLogger({ Verbosity: 5, LogModules: 'HTTP; tls' }, sink);
  logger.module('http').log(1, {}, 'kept http');
  logger.module('tls').warn({}, 'kept tls');
  logger.module('query').log(1, {}, 'dropped');
  logger.module('proxy').error({}, 'dropped too');
  assert.deepEqual(sink.records().map((r) => r['msg']), ['kept http', 'kept tls']);
});

test('unknown LogModules and bad Verbosity are config errors naming the valid values', () => {
  assert.throws(() => createLogger({ LogModules: 'htp' }, new MemorySink()), (e: any) => e.code === 'config' && /Did you mean http\?/.test(e.message) && /Valid modules/.test(e.message));
  assert.throws(() => createLogger({ Verbosity: 7 }, new MemorySink()), (e: any) => e.code === 'config' && /1 to 5/.test(e.message));
});

test('Logfile is created when missing and receives the lines; a missing folder is a config error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'igsql-log-'));
  try {
    const path = join(dir, 'igsql.log');
    const logger = createLogger({ Logfile: path, Verbosity: 1 });
    logger.module('query').log(1, { rows: 3 }, 'SELECT done');
    logger.close();
    assert.match(readFileSync(path, 'utf8'), /"msg":"SELECT done"/);
    assert.throws(() => createLogger({ Logfile: join(dir, 'nope', 'x.log') }), (e: any) => e.code === 'config' && /does not exist/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('MaxLogFileSize rotates with a date-time suffix and MaxLogFileCount deletes the oldest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'igsql-rot-'));
  try {
    const path = join(dir, 'igsql.log');
    const logger = createLogger({ Logfile: path, Verbosity: 1, MaxLogFileSize: 100 * 1024, MaxLogFileCount: 3 });
    const log = logger.module('query');
    const filler = 'x'.repeat(1000);
    for (let i = 0; i < 500; i++) log.log(1, { i, filler }, 'line');
    logger.close();
    const files = readdirSync(dir).sort();
    assert.equal(files.length, 3, files.join(', '));
    assert.ok(files.includes('igsql.log'));
    for (const f of files.filter((f) => f !== 'igsql.log')) assert.match(f, /^igsql-\d{8}-\d{6}-\d{3}(-\d+)?\.log$/);
    for (const f of files) assert.ok(readFileSync(join(dir, f)).length <= 100 * 1024, f);
    // the newest lines are kept, the oldest were deleted
    assert.match(readFileSync(path, 'utf8'), /"i":499/);
    assert.doesNotMatch(files.map((f) => readFileSync(join(dir, f), 'utf8')).join(''), /"i":0,/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('MaxLogFileCount 0 keeps every rotated file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'igsql-rot-'));
  try {
    const logger = createLogger({ Logfile: join(dir, 'a.log'), MaxLogFileSize: 1, MaxLogFileCount: 0 });
    for (let i = 0; i < 400; i++) logger.module('query').log(1, { filler: 'y'.repeat(1000) }, 'line');
    logger.close();
    assert.ok(readdirSync(dir).length >= 4);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const secretArb = fc.stringMatching(/^[A-Za-z0-9_-]{12,32}$/);

test('property: no secret ever reaches the log, whatever field, message or nesting carries it', () => {
  fc.assert(
    fc.property(secretArb, fc.integer({ min: 0, max: 9 }), (secret, shape) => {
      const sink = new MemorySink();
      const log = createLogger({ Verbosity: 5 }, sink).module('http');
      const url = `https://graph.facebook.com/v21.0/me?fields=id&access_token=${secret}`;
      const cases: Array<() => void> = [
        () => log.log(2, { url }, 'request'),
        () => log.log(2, {}, `GET ${url}`),
        () => log.log(3, { headers: { authorization: `Bearer ${secret}`, 'Proxy-Authorization': `Basic ${secret}` } }, 'headers'),
        () => log.log(3, { body: `client_secret=${secret}&code=${secret}abcd` }, 'form'),
        () => log.log(3, { body: JSON.stringify({ access_token: secret, token_type: 'bearer' }) }, 'json'),
        () => log.log(5, { nested: { a: { b: { password: secret } } } }, 'nested'),
        () => log.error({ err: new Error(`failed ${url}`) }, 'error'),
        () => log.child({ queryId: 1, proxy: `http://u:${secret}@p:1` }).log(1, {}, 'child'),
        () => log.log(4, { OAuthAccessToken: secret, ProxyPassword: secret, FirewallPassword: secret }, 'props'),
        () => log.log(1, { text: `token EAA${secret}` }, `token EAA${secret}`),
      ];
      cases[shape]!();
      return sink.text.length > 0 && !sink.text.includes(secret);
    }),
    { numRuns: 500 },
  );
});
