import { existsSync, readFileSync } from 'node:fs';
import { type SecureContext, createSecureContext, rootCertificates } from 'node:tls';

/** Where Linux distributions, BSDs and macOS keep the system trust bundle. */
const SYSTEM_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt', // Debian, Ubuntu, Alpine, Arch
  '/etc/pki/tls/certs/ca-bundle.crt', // Fedora, RHEL
  '/etc/ssl/ca-bundle.pem', // openSUSE
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem', // RHEL 7+
  '/etc/ssl/cert.pem', // macOS, Alpine, BSD
];

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The trust anchors used when SSLServerCert is empty: Node's bundled Mozilla roots, the system
 * bundle (so a corporate root CA installed on the machine is trusted, as CData's drivers do),
 * SSL_CERT_FILE and NODE_EXTRA_CA_CERTS. Node 20 has no `--use-system-ca`, hence this.
 */
export function systemCaCertificates(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const certs = new Set<string>(rootCertificates);
  const files = [env['SSL_CERT_FILE'], env['NODE_EXTRA_CA_CERTS'], SYSTEM_BUNDLES.find((p) => existsSync(p))];
  for (const file of files) {
    if (!file) continue;
    try {
      for (const pem of readFileSync(file, 'utf8').match(PEM_BLOCK) ?? []) certs.add(pem);
    } catch {
      // unreadable bundle: fall back to the others
    }
  }
  return [...certs];
}

let cached: { key: string; context: SecureContext } | undefined;

/** One shared SecureContext over {@link systemCaCertificates} plus `extra` (built once: ~300 roots). */
export function systemSecureContext(extra: readonly string[] = [], env: Readonly<Record<string, string | undefined>> = process.env): SecureContext {
  const key = [env['SSL_CERT_FILE'], env['NODE_EXTRA_CA_CERTS'], ...extra].join('\0');
  if (cached?.key !== key) cached = { key, context: createSecureContext({ ca: [...systemCaCertificates(env), ...extra] }) };
  return cached.context;
}
