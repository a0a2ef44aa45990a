/**
 * TLS end to end through connect() + SQL against the sandbox over HTTPS (a self-signed
 * certificate generated at start): refused by the system trust store, accepted when pinned by
 * SSLServerCert as a PEM string, a PEM file, a SHA-256 or SHA-1 fingerprint (as `openssl x509
 * -fingerprint` prints them, when openssl is installed), `*` accepted with a warning in the log,
 * and a wrong pin refused.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, IgsqlError } from '../../../src/index.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { MemorySink } from '../../helpers/memory-sink.js';
import { findBinary } from '../../helpers/real-proxies.js';
import { testCert } from '../../helpers/certs.js';

const SQL = 'SELECT Id, Name FROM Page ORDER BY Id';
let sb: Sandbox;
let plain: Sandbox;
let expected: unknown[];
let dir: string;

before(async () => {
  sb = await startSandbox({ port: 0, https: true });
  plain = await startSandbox({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'igsql-tls-'));
  expected = (await query(plain, '')).rows;
  assert.ok(expected.length > 0);
});
after(async () => {
  await sb.stop();
  await plain.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function query(target: Sandbox, extra: string, sink?: MemorySink): Promise<{ rows: unknown[] }> {
  const conn = await connect(`BaseURL=${target.url};OAuthAccessToken=${target.tokens.longLivedUser};Timeout=10;MaxRetries=1;${extra}`, sink ? { logSink: sink } : {});
  try {
    return await conn.query(SQL);
  } finally {
    await conn.close();
  }
}

function quoted(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

async function refused(extra: string): Promise<IgsqlError> {
  const err = await query(sb, extra).then(() => undefined, (e: unknown) => e);
  assert.ok(err instanceof IgsqlError, `expected a typed error, got ${String(err)}`);
  return err;
}

test('without SSLServerCert the self-signed sandbox is refused with a tls error that says how to pin it', async () => {
  const err = await refused('');
  assert.equal(err.code, 'tls', err.message);
  assert.match(err.message, /not trusted/);
  assert.ok(err.message.includes(sb.certificate!.fingerprint256), 'the message shows the fingerprint to pin');
  assert.equal(err.details['property'], 'SSLServerCert');
});

test('pinned by the certificate as a PEM string in the connection string, also pasted on one line', async () => {
  const pem = sb.certificate!.cert;
  assert.deepEqual((await query(sb, `SSLServerCert=${quoted(pem)}`)).rows, expected);
  // newlines turned into spaces (a one-line paste) or into literal \n (JSON, environment variables)
  for (const oneLine of [pem.replace(/\n/g, ' '), pem.replace(/\n/g, '\\n')]) {
    assert.deepEqual((await query(sb, `SSLServerCert=${quoted(oneLine)}`)).rows, expected, oneLine.slice(0, 40));
  }
});

test('pinned by the path of a PEM file, and of a DER file', async () => {
  const pem = join(dir, 'sandbox.pem');
  writeFileSync(pem, sb.certificate!.cert);
  assert.deepEqual((await query(sb, `SSLServerCert=${quoted(pem)}`)).rows, expected);
  const der = join(dir, 'sandbox.der');
  writeFileSync(der, new X509Certificate(sb.certificate!.cert).raw);
  assert.deepEqual((await query(sb, `SSLServerCert=${quoted(der)}`)).rows, expected);
});

test('pinned by SHA-256 and SHA-1 fingerprints (colons or bare hex, any case)', async () => {
  const raw = new X509Certificate(sb.certificate!.cert).raw;
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const sha1 = createHash('sha1').update(raw).digest('hex');
  for (const pin of [sb.certificate!.fingerprint256, sha256, sha256.toUpperCase(), sb.certificate!.fingerprint1, sha1]) {
    assert.deepEqual((await query(sb, `SSLServerCert=${pin}`)).rows, expected, pin);
  }
});

test('pinned by the fingerprints openssl prints', { skip: findBinary('openssl') ? false : 'openssl is not installed' }, async () => {
  const pem = join(dir, 'for-openssl.pem');
  writeFileSync(pem, sb.certificate!.cert);
  for (const algorithm of ['-sha256', '-sha1']) {
    const out = spawnSync('openssl', ['x509', '-in', pem, '-noout', '-fingerprint', algorithm], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    const pin = out.stdout.trim().split('=').pop()!;
    assert.deepEqual((await query(sb, `SSLServerCert=${pin}`)).rows, expected, pin);
  }
});

test('SSLServerCert=* accepts the certificate and logs a warning', async () => {
  const sink = new MemorySink();
  assert.deepEqual((await query(sb, 'SSLServerCert=*', sink)).rows, expected);
  const warnings = sink.records().filter((r) => r['level'] === 'warn' && r['module'] === 'tls');
  assert.equal(warnings.length, 1, sink.text);
  assert.match(String(warnings[0]!['msg']), /SSLServerCert=\* accepts ANY server certificate/);
});

test('a wrong pin is refused: another fingerprint, another certificate, another SHA-1', async () => {
  const other = await testCert('not-the-sandbox');
  for (const pin of [other.fingerprint256, quoted(other.cert), other.sha1]) {
    const err = await refused(`SSLServerCert=${pin}`);
    assert.equal(err.code, 'tls', err.message);
    assert.match(err.message, /does not match SSLServerCert/);
    assert.ok(err.message.includes(sb.certificate!.fingerprint256));
  }
});

test('a pin that is neither PEM, a file nor a fingerprint is a config error naming SSLServerCert', async () => {
  const err = await refused('SSLServerCert=/no/such/file.pem');
  assert.equal(err.code, 'config');
  assert.match(err.message, /SSLServerCert must be/);
});
