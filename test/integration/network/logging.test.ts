/**
 * Logging end to end through connect(): a Logfile at Verbosity=5 while queries run through a
 * real HTTP proxy with Basic auth (forwarding and CONNECT tunnel) and a SOCKS5 firewall with a
 * password, with appsecret_proof and a Page token (AuthenticateAsPage), and every OAuth stored
 * procedure the catalog has; then no secret may occur anywhere in the log. Also LogModules
 * filtering and MaxLogFileSize / MaxLogFileCount rotation.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../../../src/index.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { type RealProxy, startHttpProxy, startSocks5 } from '../../helpers/real-proxies.js';
import { OAUTH_PROCEDURES, runOAuthProcedures } from '../../helpers/oauth-procedures.js';

const PROXY_PASSWORD = 'Pr0xyPass-Log-5150';
const SOCKS_PASSWORD = 'S0cksPass-Log-6160';

let sb: Sandbox;
let proxy: RealProxy;
let socks: RealProxy;
let dir: string;

before(async () => {
  sb = await startSandbox({ port: 0, oauth: { autoApprove: true } });
  proxy = await startHttpProxy('alice', PROXY_PASSWORD);
  socks = await startSocks5('bob', SOCKS_PASSWORD);
  dir = mkdtempSync(join(tmpdir(), 'igsql-log-'));
});
after(async () => {
  await proxy.stop();
  await socks.stop();
  await sb.stop();
  rmSync(dir, { recursive: true, force: true });
});

function logText(prefix: string): string {
  return readdirSync(dir).filter((f) => f.startsWith(prefix)).map((f) => readFileSync(join(dir, f), 'utf8')).join('');
}

/** Page tokens the sandbox hands out for the user token (they must not reach the log either). */
async function pageTokens(): Promise<{ tokens: string[]; pageId: string }> {
  const res = await fetch(`${sb.url}/v25.0/me/accounts?fields=id,access_token&access_token=${sb.tokens.longLivedUser}`);
  const body = (await res.json()) as { data: Array<{ id: string; access_token: string }> };
  return { tokens: body.data.map((p) => p.access_token), pageId: body.data[0]!.id };
}

test('Verbosity=5 through an authenticating proxy and a SOCKS5 firewall: no secret anywhere in the log', async () => {
  const logfile = join(dir, 'secrets.log');
  const { tokens, pageId } = await pageTokens();
  const base = `BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser};OAuthClientId=${sb.app.id};OAuthClientSecret=${sb.app.secret};AppSecretProof=true;` +
    `Logfile=${logfile};Verbosity=5;Timeout=20`;
  const routes = [
    `ProxyServer=127.0.0.1;ProxyPort=${proxy.port};ProxyUser=alice;ProxyPassword=${PROXY_PASSWORD}`,
    `ProxyServer=127.0.0.1;ProxyPort=${proxy.port};ProxyUser=alice;ProxyPassword=${PROXY_PASSWORD};ProxySSLType=TUNNEL`,
    `FirewallType=SOCKS5;FirewallServer=127.0.0.1;FirewallPort=${socks.port};FirewallUser=bob;FirewallPassword=${SOCKS_PASSWORD}`,
  ];
  const seen = proxy.evidence().length;
  const secrets = new Set<string>([sb.tokens.longLivedUser, sb.app.secret, PROXY_PASSWORD, SOCKS_PASSWORD, ...tokens]);
  for (const token of [sb.tokens.longLivedUser, ...tokens]) secrets.add(createHmac('sha256', sb.app.secret).update(token).digest('hex'));
  secrets.add(Buffer.from(`alice:${PROXY_PASSWORD}`).toString('base64'));
  secrets.add(encodeURIComponent(PROXY_PASSWORD));
  const ran: string[] = [];
  for (const route of routes) {
    const conn = await connect(`${base};${route}`);
    try {
      assert.ok((await conn.query('SELECT Id, Caption FROM Media LIMIT 3')).rowCount > 0);
      assert.ok((await conn.query('SELECT Id, Name FROM Page')).rowCount > 0);
      const procedures = await runOAuthProcedures(conn, sb, pageId);
      for (const secret of procedures.secrets) secrets.add(secret);
      ran.push(...procedures.ran);
    } finally {
      await conn.close();
    }
  }
  const asPage = await connect(`${base};${routes[0]};AuthenticateAsPage=${pageId}`);
  try {
    assert.ok((await asPage.query('SELECT Id FROM Media LIMIT 2')).rowCount > 0);
  } finally {
    await asPage.close();
  }
  assert.ok(proxy.evidence().length > seen, 'the traffic passed through the proxy');
  // the OAuth procedures' calls took the proxy too (forwarding shows their paths in its log)
  if (ran.includes('GetOAuthAccessToken')) assert.ok(proxy.evidence().slice(seen).some((l) => l.includes('/oauth/access_token')), 'the token exchange went through the proxy');

  assert.deepEqual([...new Set(ran)].sort(), [...OAUTH_PROCEDURES].sort(), 'every OAuth procedure ran');
  const text = logText('secrets');
  const lines = text.split('\n').filter((l) => l !== '');
  assert.ok(lines.length > 50, `a Verbosity=5 log has many lines (${lines.length})`);
  for (const line of lines) JSON.parse(line);
  // the log has what Verbosity 5 promises: bodies, headers, CONNECT exchanges, transport and TLS-free routes
  for (const want of [/"module":"http".*"headers"/, /CONNECT request to the HTTP proxy/, /"module":"transport"/, /forward to HTTP proxy/, /via SOCKS5 firewall/]) {
    assert.match(text, want);
  }
  // the places secrets travel are logged, masked: so the check below looks where they would be
  for (const masked of [/access_token=\*\*\*/, /appsecret_proof=\*\*\*/, /Proxy-Authorization: \*\*\*/i, /"access_token\\?":\s*\\?"\*\*\*/]) assert.match(text, masked);
  if (ran.includes('GetOAuthAccessToken')) {
    // the code exchange was logged (masked): client_secret and the authorization code travelled there
    assert.match(text, /oauth\/access_token\?[^"]*client_secret=\*\*\*/);
    assert.match(text, /oauth\/access_token\?[^"]*code=\*\*\*/);
  }
  for (const secret of secrets) {
    assert.ok(secret.length >= 8, 'a real secret');
    assert.ok(!text.includes(secret), `a secret (${secret.slice(0, 3)}…) is in the log`);
  }
  assert.doesNotMatch(text, /(?:proxy-)?authorization"\s*:\s*"(?!\*\*\*)/i);
});

test('LogModules keeps only the listed modules', async () => {
  const logfile = join(dir, 'modules.log');
  const conn = await connect(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser};Logfile=${logfile};Verbosity=5;LogModules=query,proxy;` +
    `ProxyServer=127.0.0.1;ProxyPort=${proxy.port};ProxyUser=alice;ProxyPassword=${PROXY_PASSWORD};ProxySSLType=TUNNEL`);
  try {
    await conn.query('SELECT Id FROM Media LIMIT 2');
  } finally {
    await conn.close();
  }
  const modules = new Set(logText('modules').split('\n').filter((l) => l !== '').map((l) => String((JSON.parse(l) as { module: unknown }).module)));
  assert.deepEqual([...modules].sort(), ['proxy', 'query']);
});

test('MaxLogFileSize and MaxLogFileCount rotate the log: at most that many files, none over the size', async () => {
  const logfile = join(dir, 'rotate.log');
  const max = 100 * 1024;
  const conn = await connect(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser};Logfile=${logfile};Verbosity=5;MaxLogFileSize=${max};MaxLogFileCount=3`);
  let rounds = 0;
  try {
    // run queries until the log has rotated at least four times
    while (rounds < 200) {
      await conn.query('SELECT Id, Caption, MediaType, Permalink FROM Media');
      rounds++;
      const rotated = readdirSync(dir).filter((f) => /^rotate-\d{8}-\d{6}-\d{3}\.log$/.test(f)).length;
      if (rotated >= 2 && statSync(logfile).size > max / 2 && rounds >= 8) break;
    }
  } finally {
    await conn.close();
  }
  const files = readdirSync(dir).filter((f) => f.startsWith('rotate'));
  assert.equal(files.length, 3, files.join(', '));
  assert.ok(files.includes('rotate.log'));
  for (const f of files) {
    const size = statSync(join(dir, f)).size;
    assert.ok(size <= max, `${f} is ${size} bytes`);
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l !== '')) JSON.parse(line); // no line is cut in two
  }
});
