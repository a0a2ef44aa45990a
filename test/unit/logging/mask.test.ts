import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isSecretName, maskForm, maskHeaders, maskSecrets, maskUrl, maskValue } from '../../../src/logging/mask.js';

test('maskSecrets hides secret query and form parameters but keeps the rest', () => {
  assert.equal(
    maskSecrets('https://graph.facebook.com/v21.0/me?fields=id&access_token=EAAB123456789abc&limit=25'),
    'https://graph.facebook.com/v21.0/me?fields=id&access_token=***&limit=25',
  );
  assert.equal(
    maskSecrets('client_id=1&client_secret=s3cr3t&code=AQBxxxxxxxxxxxxxxxxxx&fb_exchange_token=abc&input_token=def&appsecret_proof=0a1b'),
    'client_id=1&client_secret=***&code=***&fb_exchange_token=***&input_token=***&appsecret_proof=***',
  );
});

test('maskSecrets keeps error codes readable and hides OAuth codes', () => {
  assert.equal(maskSecrets('{"error":{"code":190}} code=190 "code":"proxy"'), '{"error":{"code":190}} code=190 "code":"proxy"');
  assert.equal(maskSecrets('{"code":"AQDxyzxyzxyzxyzxyzxyz"}'), '{"code":"***"}');
});

test('maskSecrets hides JSON fields, header lines, userinfo and Graph tokens in free text', () => {
  assert.equal(maskSecrets('{"access_token":"abc","token_type":"bearer"}'), '{"access_token":"***","token_type":"bearer"}');
  assert.equal(maskSecrets('Authorization: Bearer abcdef123\r\nProxy-Authorization: Basic dXNlcjpwYXNz'), 'Authorization: ***\r\nProxy-Authorization: ***');
  assert.equal(maskSecrets('via http://bob:hunter2@proxy.corp:3128/'), 'via http://bob:***@proxy.corp:3128/');
  assert.equal(maskSecrets('token is EAAGm0PX4ZCpsBAKZC9 ok'), 'token is *** ok');
  assert.equal(maskSecrets('app token 1234567890|abcdefghijklmnopqrstu'), 'app token ***');
  assert.equal(maskSecrets('ProxyPassword="a;b";ProxyUser=bob'), 'ProxyPassword=***;ProxyUser=bob');
});

test('maskSecrets sees through percent-encoded batch bodies', () => {
  const body = 'batch=' + encodeURIComponent(JSON.stringify([{ method: 'GET', relative_url: 'me?access_token=topsecret1' }])) + '&access_token=topsecret2';
  const masked = maskSecrets(body);
  assert.ok(!masked.includes('topsecret'), masked);
  assert.ok(masked.includes('relative_url'));
});

test('maskUrl and maskForm mask by parameter name, including short values and code', () => {
  assert.equal(maskUrl('https://u:p@h/x?code=abc&access_token=t&fields=id,name#frag'), 'https://u:***@h/x?code=***&access_token=***&fields=id,name#frag');
  assert.equal(maskForm('a=1&client_secret=x&b=2'), 'a=1&client_secret=***&b=2');
  assert.equal(maskUrl('not a url ?access_token=zz'), 'not a url ?access_token=***');
});

test('maskValue masks by key at any depth, masks strings, and flattens errors', () => {
  const out = maskValue({
    code: 'proxy',
    deep: { deeper: { ProxyPassword: 'p4ss', list: ['x?access_token=qq'] } },
    headers: { Authorization: 'Bearer t', host: 'h' },
    err: new Error('at https://h/?client_secret=zzz'),
  }) as Record<string, any>;
  assert.equal(out['code'], 'proxy');
  assert.equal(out['deep'].deeper.ProxyPassword, '***');
  assert.equal(out['deep'].deeper.list[0], 'x?access_token=***');
  assert.equal(out['headers'].Authorization, '***');
  assert.equal(out['err'].message, 'at https://h/?client_secret=***');
  const cyclic: Record<string, unknown> = {};
  cyclic['self'] = cyclic;
  assert.deepEqual(maskValue(cyclic), { self: '[Circular]' });
  assert.deepEqual(maskHeaders({ 'proxy-authorization': 'Basic x', accept: 'a' }), { 'proxy-authorization': '***', accept: 'a' });
});

test('isSecretName', () => {
  for (const n of ['access_token', 'OAuthClientSecret', 'ProxyPassword', 'FirewallPassword', 'Authorization', 'appsecret_proof']) assert.ok(isSecretName(n), n);
  for (const n of ['token_type', 'fields', 'code', 'user']) assert.ok(!isSecretName(n), n);
  assert.ok(isSecretName('code', { url: true }));
});

const secretArb = fc.stringMatching(/^[A-Za-z0-9_-]{12,40}$/);

test('property: a random secret embedded anywhere never survives maskSecrets', () => {
  const templates: Array<(s: string) => string> = [
    (s) => `https://graph.facebook.com/v21.0/17841/media?fields=id&access_token=${s}&limit=5`,
    (s) => `https://graph.facebook.com/v21.0/17841/media?access_token=${encodeURIComponent(s)}`,
    (s) => `client_secret=${s}&redirect_uri=http%3A%2F%2Flocalhost`,
    (s) => `code=${s}xxxxxxxx&grant_type=authorization_code`,
    (s) => `{"access_token":"${s}","expires_in":3600}`,
    (s) => `{"client_secret": "${s}"}`,
    (s) => `Authorization: Bearer ${s}`,
    (s) => `Proxy-Authorization: Basic ${Buffer.from('user:' + s).toString('base64')}`,
    (s) => `http://bob:${s}@proxy.corp:3128`,
    (s) => `fb_exchange_token=${s}`,
    (s) => `input_token=${s}&access_token=${s}`,
    (s) => `appsecret_proof=${s}`,
    (s) => `the token EAA${s} expired`,
    (s) => `batch=${encodeURIComponent(JSON.stringify([{ relative_url: `me?access_token=${s}` }]))}`,
    (s) => `Password=${s};User=bob`,
  ];
  fc.assert(
    fc.property(secretArb, fc.integer({ min: 0, max: templates.length - 1 }), fc.string({ maxLength: 20 }), (secret, i, noise) => {
      const text = `${noise.replace(/[A-Za-z0-9]/g, ' ')} ${templates[i]!(secret)} ${noise.replace(/[A-Za-z0-9]/g, ' ')}`;
      const masked = maskSecrets(text);
      return !masked.includes(secret) && !masked.includes(Buffer.from('user:' + secret).toString('base64'));
    }),
    { numRuns: 2000 },
  );
});

test('OAuth verifiers are secret: by name (Verifier, OAuthVerifier, verifier) and as a bare Facebook code', () => {
  const code = `AQ${'Xy9_'.repeat(30)}`;
  for (const text of [
    `EXEC GetOAuthAccessToken AuthMode = 'WEB', Verifier = '${code}'`,
    `EXEC GetOAuthAccessToken @Verifier='${code}'`,
    `InitiateOAuth=REFRESH;OAuthVerifier=${code};CallbackURL=http://localhost:33333/`,
    `CALL GetOAuthAccessToken('WEB', '${code}')`,
    `{"verifier":"${code}"}`,
  ]) {
    const masked = maskSecrets(text);
    assert.ok(!masked.includes(code.slice(2, 30)), masked);
    assert.ok(masked.includes('***'), masked);
  }
  assert.deepEqual(maskValue({ OAuthVerifier: 'short', code: 190 }), { OAuthVerifier: '***', code: 190 });
  assert.equal(maskSecrets('AQUA is a colour'), 'AQUA is a colour');
});
