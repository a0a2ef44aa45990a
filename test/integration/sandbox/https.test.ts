/** HTTPS with the generated self-signed certificate: reachable only when the certificate is pinned or trusted. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request } from 'undici';
import { createDispatcher } from '../../../src/http/dispatcher.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';

let sb: Sandbox;
let ig: string;

before(async () => {
  sb = await startSandbox({ https: true, seed: 2 });
  ig = sb.core.data.world.igAccounts[0]!.id;
});
after(() => sb.stop());

function meUrl(): string {
  return `${sb.url}/v25.0/me?access_token=${sb.tokens.longLivedUser}`;
}

test('the sandbox serves https:// and exposes the certificate to pin', () => {
  assert.match(sb.url, /^https:\/\/127\.0\.0\.1:\d+$/);
  assert.ok(sb.certificate !== undefined);
  assert.match(sb.certificate.cert, /^-----BEGIN CERTIFICATE-----/);
  assert.match(sb.certificate.fingerprint256, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
});

test('a client that trusts the certificate gets answers, with https paging URLs', async () => {
  const agent = new Agent({ connect: { ca: sb.certificate!.cert } });
  try {
    const me = await request(meUrl(), { dispatcher: agent });
    assert.equal(me.statusCode, 200);
    assert.equal(((await me.body.json()) as { name: string }).name, 'Sam Sandbox');
    const media = await request(`${sb.url}/v25.0/${ig}/media?limit=5&access_token=${sb.tokens.longLivedUser}`, { dispatcher: agent });
    const page = (await media.body.json()) as { paging: { next: string } };
    assert.ok(page.paging.next.startsWith(`${sb.url}/v25.0/`), page.paging.next);
    const localhost = await request(meUrl().replace('127.0.0.1', 'localhost'), { dispatcher: agent });
    assert.equal(localhost.statusCode, 200, 'the certificate names localhost too');
    await localhost.body.dump();
  } finally {
    await agent.close();
  }
});

test('a client with the default trust store is refused: the certificate is self-signed', async () => {
  const agent = new Agent();
  try {
    await assert.rejects(request(meUrl(), { dispatcher: agent }), (e: NodeJS.ErrnoException) => e.code === 'DEPTH_ZERO_SELF_SIGNED_CERT');
  } finally {
    await agent.close();
  }
});

test("igsql's network layer connects with SSLServerCert=<fingerprint256> and refuses another pin", async () => {
  const pinned = createDispatcher({ SSLServerCert: sb.certificate!.fingerprint256, Timeout: 10 });
  try {
    const me = await request(meUrl(), { dispatcher: pinned });
    assert.equal(me.statusCode, 200);
    await me.body.dump();
  } finally {
    await pinned.close();
  }
  const sha1 = createDispatcher({ SSLServerCert: sb.certificate!.fingerprint1, Timeout: 10 });
  try {
    assert.equal((await request(meUrl(), { dispatcher: sha1 })).statusCode, 200, 'SHA-1 pin');
  } finally {
    await sha1.destroy();
  }
  const wrong = createDispatcher({ SSLServerCert: 'AA:'.repeat(31) + 'AA', Timeout: 10 });
  try {
    await assert.rejects(request(meUrl(), { dispatcher: wrong }), /does not match SSLServerCert/);
  } finally {
    await wrong.destroy();
  }
  const system = createDispatcher({ Timeout: 10 });
  try {
    await assert.rejects(request(meUrl(), { dispatcher: system }), /not trusted/);
  } finally {
    await system.destroy();
  }
});
