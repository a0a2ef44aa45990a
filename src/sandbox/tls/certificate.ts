/**
 * The sandbox's HTTPS certificate: self-signed, EC P-256 / SHA-256, for `localhost` and
 * `127.0.0.1` (CN and SANs), valid from a day ago for a year. Node's crypto makes keys but cannot
 * issue an X.509 certificate, so the `selfsigned` package builds it; it is loaded only when HTTPS
 * is asked for. One certificate per process (generated on first use, then cached): tests and the
 * CLI pin it by `fingerprint256` (or trust `cert` as a CA).
 */
import { X509Certificate } from 'node:crypto';
import { createServer as createHttpsServer } from 'node:https';
import type { Server } from 'node:http';
import type { CreateServer } from '../server.js';

export interface SandboxCertificate {
  /** The certificate, PEM. */
  readonly cert: string;
  /** Its private key, PEM (PKCS#8). */
  readonly key: string;
  /** SHA-256 fingerprint, `AB:CD:…` (what SSLServerCert accepts). */
  readonly fingerprint256: string;
  /** SHA-1 fingerprint, `AB:CD:…`. */
  readonly fingerprint1: string;
}

let cached: Promise<SandboxCertificate> | undefined;

export async function generateCertificate(): Promise<SandboxCertificate> {
  const { generate } = await import('selfsigned');
  const day = 24 * 3600_000;
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec', curve: 'P-256', algorithm: 'sha256',
    notBeforeDate: new Date(now - day), notAfterDate: new Date(now + 365 * day),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
    ],
  });
  const x509 = new X509Certificate(pems.cert);
  return { cert: pems.cert, key: pems.private, fingerprint256: x509.fingerprint256, fingerprint1: x509.fingerprint };
}

/** The process's sandbox certificate (generated once). */
export function sandboxCertificate(): Promise<SandboxCertificate> {
  cached ??= generateCertificate().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/** A server factory for `listen`: HTTPS with the certificate. */
export function httpsServer(certificate: SandboxCertificate): CreateServer {
  return (handler) => createHttpsServer({ key: certificate.key, cert: certificate.cert }, handler) as unknown as Server;
}
