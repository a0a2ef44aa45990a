import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { PeerCertificate, SecureContext, TLSSocket } from 'node:tls';
import { IgsqlError } from '../errors.js';
import { systemSecureContext } from './system-ca.js';

/**
 * How a server certificate is accepted, from SSLServerCert:
 * - empty: the chain must verify against the system trust store and match the host name;
 * - `*`: any certificate (logged as a warning);
 * - a PEM certificate (or bundle), or the path of a PEM/DER file: accepted when the server's
 *   certificate is one of them, or its chain verifies up to one of them (a pinned CA);
 * - a PEM public key: accepted when the server certificate carries that key;
 * - a fingerprint in hex, colons optional, any case: SHA-256 (64 digits), SHA-1 (40) or MD5 (32)
 *   of the server certificate.
 */
export interface TlsPolicy {
  readonly kind: 'system' | 'any' | 'pinned';
  /** For logs: "system trust store", "pinned SHA-256 AB:CD…", "any certificate (*)". */
  readonly description: string;
  /** Options for tls.connect: verification is done by {@link TlsPolicy.check} after the handshake. */
  readonly connectOptions: { rejectUnauthorized: false; secureContext?: SecureContext; ca?: string[] };
  /** undefined when the peer is accepted, else a `tls` error saying what was seen and how to pin it. */
  check(socket: TLSSocket, where: string): IgsqlError | undefined;
}

interface Pins {
  certs: string[]; // PEM, also used as trust anchors
  fingerprints: Array<{ algorithm: 'sha256' | 'sha1' | 'md5'; hex: string }>;
  publicKeys: Buffer[]; // SPKI DER
}

export function createTlsPolicy(sslServerCert: string | undefined, extraCa: readonly string[] = []): TlsPolicy {
  const value = (sslServerCert ?? '').trim();
  if (value === '') {
    return {
      kind: 'system',
      description: 'system trust store',
      // built on the first TLS connection, not before: parsing ~300 roots costs ~20–60 ms of CPU,
      // which a plain-HTTP BaseURL (the sandbox) never needs
      get connectOptions() {
        return { rejectUnauthorized: false as const, secureContext: systemSecureContext(extraCa) };
      },
      check: (socket, where) => (socket.authorized ? undefined : untrusted(socket, where)),
    };
  }
  if (value === '*') {
    return { kind: 'any', description: 'any certificate (SSLServerCert=*)', connectOptions: { rejectUnauthorized: false }, check: () => undefined };
  }
  const pins = parsePins(value);
  const described = [
    ...pins.fingerprints.map((f) => `${f.algorithm.toUpperCase()} ${colons(f.hex)}`),
    ...pins.certs.map((pem) => `certificate SHA-256 ${new X509Certificate(pem).fingerprint256}`),
    ...pins.publicKeys.map(() => 'public key'),
  ];
  return {
    kind: 'pinned',
    description: `pinned ${described.join(', ')}`,
    connectOptions: pins.certs.length > 0 ? { rejectUnauthorized: false, ca: pins.certs } : { rejectUnauthorized: false },
    check(socket, where) {
      const peer = socket.getPeerCertificate(true);
      if (!peer?.raw) return new IgsqlError('tls', `TLS: ${where} sent no certificate.`);
      if (matchesPins(peer, pins) || (pins.certs.length > 0 && socket.authorized)) return undefined;
      return new IgsqlError(
        'tls',
        `TLS: the certificate of ${where} does not match SSLServerCert (${described.join(', ')}). ${seen(peer)} ` +
          `If this certificate is the right one, set SSLServerCert=${peer.fingerprint256}.`,
        { details: { property: 'SSLServerCert', fingerprint256: peer.fingerprint256 } },
      );
    },
  };
}

function parsePins(value: string): Pins {
  const pins: Pins = { certs: [], fingerprints: [], publicKeys: [] };
  const hex = value.replace(/[:\s]/g, '').toLowerCase();
  if (/^[0-9a-f]+$/.test(hex) && [64, 40, 32].includes(hex.length)) {
    pins.fingerprints.push({ algorithm: hex.length === 64 ? 'sha256' : hex.length === 40 ? 'sha1' : 'md5', hex });
    return pins;
  }
  let text = value;
  if (!value.includes('-----BEGIN')) {
    if (!existsSync(value) || !statSync(value).isFile()) {
      throw new IgsqlError(
        'config',
        'SSLServerCert must be a PEM certificate, the path of an existing certificate file, a SHA-256/SHA-1 fingerprint in hex, or * (accept any); ' +
          `the value given is none of these${value.length < 200 ? ` ("${value}")` : ''}.`,
        { details: { property: 'SSLServerCert' } },
      );
    }
    const bytes = readFileSync(value);
    text = bytes.includes('-----BEGIN') ? bytes.toString('utf8') : derToPem(bytes, value);
  }
  text = text.replace(/-----BEGIN ([A-Z ]+)-----([\s\S]+?)-----END \1-----/g, (_, label: string, body: string) => pemBlock(label, body));
  for (const block of text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []) {
    parseOrThrow(() => new X509Certificate(block), 'a certificate that cannot be parsed');
    pins.certs.push(block);
  }
  for (const block of text.match(/-----BEGIN (?:RSA )?PUBLIC KEY-----[\s\S]+?-----END (?:RSA )?PUBLIC KEY-----/g) ?? []) {
    pins.publicKeys.push(parseOrThrow(() => createPublicKey(block).export({ type: 'spki', format: 'der' }), 'a public key that cannot be parsed'));
  }
  if (pins.certs.length === 0 && pins.publicKeys.length === 0) {
    throw new IgsqlError('config', 'SSLServerCert holds PEM text but no CERTIFICATE or PUBLIC KEY block.', { details: { property: 'SSLServerCert' } });
  }
  return pins;
}

/**
 * A PEM block rebuilt from its base64: a PEM pasted on one line (newlines turned into spaces, or
 * into literal `\n` as in JSON or an environment variable) is accepted like the original.
 */
function pemBlock(label: string, body: string): string {
  const base64 = body.replace(/\\[nr]/g, '').replace(/\s+/g, '');
  return `-----BEGIN ${label}-----\n${base64.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END ${label}-----`;
}

function derToPem(der: Buffer, path: string): string {
  const cert = parseOrThrow(() => new X509Certificate(der), `${path}, which is neither PEM nor a DER certificate`);
  return cert.toString();
}

function parseOrThrow<T>(fn: () => T, what: string): T {
  try {
    return fn();
  } catch (cause) {
    throw new IgsqlError('config', `SSLServerCert: ${what}.`, { cause, details: { property: 'SSLServerCert' } });
  }
}

function matchesPins(peer: PeerCertificate, pins: Pins): boolean {
  for (const f of pins.fingerprints) {
    if (createHash(f.algorithm).update(peer.raw).digest('hex') === f.hex) return true;
  }
  for (const pem of pins.certs) {
    if (new X509Certificate(pem).raw.equals(peer.raw)) return true;
  }
  if (pins.publicKeys.length > 0) {
    const key = new X509Certificate(peer.raw).publicKey.export({ type: 'spki', format: 'der' });
    if (pins.publicKeys.some((k) => k.equals(key))) return true;
  }
  return false;
}

function untrusted(socket: TLSSocket, where: string): IgsqlError {
  const peer = socket.getPeerCertificate(true);
  const reason = String(socket.authorizationError ?? 'unknown reason');
  if (!peer?.raw) return new IgsqlError('tls', `TLS: the certificate of ${where} is not trusted (${reason}).`);
  return new IgsqlError(
    'tls',
    `TLS: the certificate of ${where} is not trusted (${reason}). ${seen(peer)} ` +
      `If you trust this server (e.g. a local sandbox or a corporate TLS-inspecting proxy), pin it with SSLServerCert=${peer.fingerprint256} ` +
      'or with the certificate in PEM form (inline or a file path).',
    { details: { property: 'SSLServerCert', reason, fingerprint256: peer.fingerprint256 } },
  );
}

function seen(peer: PeerCertificate): string {
  const subject = peer.subject?.CN ?? JSON.stringify(peer.subject);
  const issuer = peer.issuer?.CN ?? JSON.stringify(peer.issuer);
  return `It presented subject CN=${subject}, issuer CN=${issuer}, SHA-256 fingerprint ${peer.fingerprint256}.`;
}

/** Facts about the peer certificate for Verbosity 4 logs. */
export function describePeer(socket: TLSSocket): Record<string, unknown> {
  const peer = socket.getPeerCertificate(false);
  return {
    protocol: socket.getProtocol(),
    cipher: socket.getCipher()?.name,
    alpn: socket.alpnProtocol || undefined,
    authorized: socket.authorized,
    subject: peer?.subject?.CN,
    issuer: peer?.issuer?.CN,
    validTo: peer?.valid_to,
    fingerprint256: peer?.fingerprint256,
  };
}

function colons(hex: string): string {
  return hex.toUpperCase().match(/.{2}/g)?.join(':') ?? hex;
}
