import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { X509Certificate, createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { createDispatcher } from '../../../src/http/dispatcher.js';
import { createLogger } from '../../../src/logging/logger.js';
import { testCert } from '../../helpers/certs.js';
import { MemorySink } from '../../helpers/memory-sink.js';
import { sendJson, startStub } from '../../helpers/stub-server.js';

const cert = await testCert('localhost');
const other = await testCert('other.test');
const server = await startStub((_req, res) => sendJson(res, 200, { ok: true }), { cert });
after(() => server.close());
const dir = mkdtempSync(join(tmpdir(), 'igsql-pin-'));

async function fetchWith(SSLServerCert: string | undefined, sink?: MemorySink): Promise<unknown> {
  const dispatcher = createDispatcher({ SSLServerCert, Timeout: 5 }, sink ? createLogger({ Verbosity: 4 }, sink) : undefined);
  try {
    const res = await request(`${server.url}/x`, { dispatcher });
    return await res.body.json();
  } finally {
    await dispatcher.close();
  }
}

test('no pin: a self-signed server is refused with a tls error showing its fingerprint and how to pin it', async () => {
  const err = await fetchWith(undefined).catch((e: unknown) => e);
  assert.equal((err as any).code, 'tls');
  assert.match((err as Error).message, /not trusted/);
  assert.ok((err as Error).message.includes(cert.fingerprint256));
  assert.match((err as Error).message, /SSLServerCert=/);
});

test('pinned by PEM text, PEM file, DER file, SHA-256 and SHA-1 (any case, colons optional), public key', async () => {
  const pemFile = join(dir, 'server.pem');
  writeFileSync(pemFile, cert.cert);
  const derFile = join(dir, 'server.der');
  writeFileSync(derFile, new X509Certificate(cert.cert).raw);
  const publicKey = new X509Certificate(cert.cert).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  for (const pin of [cert.cert, pemFile, derFile, cert.fingerprint256, cert.fingerprint256.replaceAll(':', '').toLowerCase(), cert.sha1, cert.sha1.toUpperCase(), publicKey]) {
    assert.deepEqual(await fetchWith(pin), { ok: true }, pin.slice(0, 40));
  }
});

test('a wrong pin is refused and names the fingerprint seen', async () => {
  for (const pin of [other.fingerprint256, other.sha1, other.cert, createHash('md5').update('x').digest('hex')]) {
    const err = await fetchWith(pin).catch((e: unknown) => e);
    assert.equal((err as any).code, 'tls', pin.slice(0, 30));
    assert.match((err as Error).message, /does not match SSLServerCert/);
    assert.ok((err as Error).message.includes(cert.fingerprint256));
  }
});

test('* accepts any certificate and warns in the log; Verbosity 4 logs the certificate', async () => {
  const sink = new MemorySink();
  assert.deepEqual(await fetchWith('*', sink), { ok: true });
  const records = sink.records();
  assert.ok(records.some((r) => r['level'] === 'warn' && /ANY server certificate/.test(String(r['msg']))));
  assert.ok(records.some((r) => r['module'] === 'tls' && r['fingerprint256'] === cert.fingerprint256));
});

test('an SSLServerCert that is none of the formats is a config error', async () => {
  assert.throws(() => createDispatcher({ SSLServerCert: '/no/such/file.pem' }), (e: any) => e.code === 'config' && /SSLServerCert must be/.test(e.message));
  assert.throws(() => createDispatcher({ SSLServerCert: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' }), (e: any) => e.code === 'config');
});
