import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { sandboxCertificate } from '../../../../src/sandbox/tls/certificate.js';

test('a self-signed certificate for localhost and 127.0.0.1, with its key and fingerprints; one per process', async () => {
  const cert = await sandboxCertificate();
  const x509 = new X509Certificate(cert.cert);
  assert.match(x509.subject, /CN=localhost/);
  assert.equal(x509.subject, x509.issuer, 'self-signed');
  assert.ok(x509.checkHost('localhost'));
  assert.ok(x509.checkIP('127.0.0.1'));
  assert.equal(x509.checkHost('example.com'), undefined);
  assert.ok(x509.verify(x509.publicKey));
  assert.ok(new Date(x509.validTo).getTime() > Date.now() + 300 * 86_400_000);
  assert.equal(cert.fingerprint256, x509.fingerprint256);
  assert.match(cert.fingerprint256, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  assert.match(cert.fingerprint1, /^([0-9A-F]{2}:){19}[0-9A-F]{2}$/);
  const publicFromKey = createPublicKey(createPrivateKey(cert.key)).export({ type: 'spki', format: 'der' });
  assert.ok(publicFromKey.equals(x509.publicKey.export({ type: 'spki', format: 'der' })), 'the key belongs to the certificate');
  assert.equal(await sandboxCertificate(), cert, 'cached');
});
