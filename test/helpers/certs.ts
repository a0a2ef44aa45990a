import { X509Certificate, createHash } from 'node:crypto';
import { generate } from 'selfsigned';

export interface TestCert {
  key: string;
  cert: string;
  fingerprint256: string;
  sha1: string;
}

const cache = new Map<string, Promise<TestCert>>();

/** A self-signed EC certificate for `cn` with SANs localhost/127.0.0.1 (cached per name). */
export function testCert(cn = 'localhost'): Promise<TestCert> {
  let p = cache.get(cn);
  if (!p) {
    p = generate([{ name: 'commonName', value: cn }], {
      keyType: 'ec',
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'subjectAltName', altNames: [{ type: 2, value: cn }, { type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
      ],
    }).then((pems) => {
      const x = new X509Certificate(pems.cert);
      return { key: pems.private, cert: pems.cert, fingerprint256: x.fingerprint256, sha1: createHash('sha1').update(x.raw).digest('hex') };
    });
    cache.set(cn, p);
  }
  return p;
}
