import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IgsqlError } from '../../../src/errors.js';
import { parseConnectionString } from '../../../src/connection-string/parse.js';
import { ConnectionSettings, resolveConnectionProperties } from '../../../src/connection-string/properties.js';
import type { ConnectionStringProblem } from '../../../src/connection-string/problems.js';

function failure(text: string): IgsqlError {
  try {
    resolveConnectionProperties(text);
  } catch (error) {
    assert.ok(IgsqlError.is(error), String(error));
    return error;
  }
  assert.fail(`resolved without error: ${text}`);
}

function problems(text: string): ConnectionStringProblem[] {
  return failure(text).details['problems'] as ConnectionStringProblem[];
}

test('typed values by canonical name, defaults for the rest, explicit = what the user set', () => {
  const s = resolveConnectionProperties("ProxyServer='a;b';Timeout=5");
  assert.ok(s instanceof ConnectionSettings);
  assert.equal(s.values.Timeout, 5);
  assert.equal(s.values.ProxyServer, 'a;b');
  assert.equal(s.values.Verbosity, 1);
  assert.deepEqual([...s.explicit], ['ProxyServer', 'Timeout']);
  assert.deepEqual(s.userValues(), { ProxyServer: 'a;b', Timeout: 5 });
  assert.deepEqual(s.warnings, []);
});

test('names ignore case and spaces; aliases map to canonical names', () => {
  const s = resolveConnectionProperties('initiate oauth=getandrefresh;CLIENTID=123;app secret=shh;proxyserver=p');
  assert.equal(s.values.InitiateOAuth, 'GETANDREFRESH');
  assert.equal(s.values.OAuthClientId, '123');
  assert.equal(s.values.OAuthClientSecret, 'shh');
  assert.deepEqual([...s.explicit], ['InitiateOAuth', 'OAuthClientId', 'OAuthClientSecret', 'ProxyServer']);
});

test('a property given twice under different names: the last one wins', () => {
  const s = resolveConnectionProperties('OAuthClientId=1;Timeout=2;ClientId=3');
  assert.equal(s.values.OAuthClientId, '3');
  assert.deepEqual([...s.explicit], ['Timeout', 'OAuthClientId']);
});

test('an empty value means the default and is not counted as set', () => {
  const s = resolveConnectionProperties("Timeout=;BaseURL='';Scope=;Verbosity=3");
  assert.equal(s.values.Timeout, 60);
  assert.equal(s.values.BaseURL, 'https://graph.facebook.com');
  assert.deepEqual([...s.explicit], ['Verbosity']);
});

test('values of every kind are coerced', () => {
  const s = resolveConnectionProperties(
    "AppSecretProof=yes;OAuthClientSecret=s;ProxyAutoDetect=0;MaxLogFileSize=512kB;Version=V24;" +
      "BaseURL=http://127.0.0.1:9/;ProxyExceptions='a;b';Tables=\"x, y\";OAuthExpiresIn=5184000",
  );
  assert.equal(s.values.AppSecretProof, true);
  assert.equal(s.values.ProxyAutoDetect, false);
  assert.equal(s.values.MaxLogFileSize, 512 * 1024);
  assert.equal(s.values.Version, 'v24.0');
  assert.equal(s.values.BaseURL, 'http://127.0.0.1:9');
  assert.deepEqual(s.values.ProxyExceptions, ['a', 'b']);
  assert.deepEqual(s.values.Tables, ['x', 'y']);
  assert.equal(s.values.OAuthExpiresIn, 5184000);
});

test('a parsed connection string resolves as well', () => {
  const s = resolveConnectionProperties(parseConnectionString('jdbc:instagram:Timeout=7'));
  assert.equal(s.values.Timeout, 7);
});

test('unknown property: an error with a did-you-mean', () => {
  const err = failure('Timout=5');
  assert.equal(err.code, 'config');
  assert.equal(err.message, "Invalid connection string: unknown property 'Timout' at character 1; did you mean Timeout?");
  assert.match(failure('Proxy Servr=x').message, /unknown property 'Proxy Servr' at character 1; did you mean ProxyServer\?/);
  assert.match(failure('clientsecrt=x').message, /did you mean ClientSecret\?/);
  assert.equal(failure('Zzzzzzzz=1').message, "Invalid connection string: unknown property 'Zzzzzzzz' at character 1");
});

test('invalid values name the property, the value, the position and what is valid', () => {
  assert.equal(
    failure('Verbosity=9').message,
    "Invalid connection string: Verbosity='9' at character 11: expected a whole number from 1 to 5",
  );
  assert.equal(
    failure('InitiateOAuth=getandrefrsh').message,
    "Invalid connection string: InitiateOAuth='getandrefrsh' at character 15: expected one of OFF, GETANDREFRESH, REFRESH (did you mean GETANDREFRESH?)",
  );
  assert.match(failure('FirewallType=socks9').message, /expected one of NONE, TUNNEL, SOCKS4, SOCKS5 \(did you mean SOCKS4\?\)/);
  assert.match(failure('AuthScheme=Basic').message, /AuthScheme='Basic' at character 12: expected one of OAuth, SystemUser, AccessToken$/);
  assert.match(failure('ProxyPort=0').message, /ProxyPort='0' .* from 1 to 65535/);
  assert.match(failure('FirewallPort=70000').message, /FirewallPort='70000' .* from 0 to 65535/);
  assert.match(failure('Timeout=-1').message, /Timeout='-1' .* from 0 to 2147483/);
  assert.match(failure('MaxLogFileSize=10kB').message, /MaxLogFileSize='10kB' .* must be at least 100kB/);
  assert.match(failure('MaxLogFileCount=1').message, /MaxLogFileCount='1' .* expected 2 or more, or 0 or less for no limit/);
  assert.match(failure('MaxConcurrentRequests=65').message, /from 1 to 64/);
  assert.match(failure('MaxRetries=21').message, /from 0 to 20/);
  assert.match(failure('ResponseCacheTTL=-5').message, /from 0 to 2147483/);
  assert.match(failure('Version=latest').message, /Version='latest' .* expected a Graph API version such as v25.0/);
  assert.match(failure('BaseURL=graph.facebook.com').message, /BaseURL='graph.facebook.com' .* expected an http\(s\) URL/);
  assert.match(failure('UseConnectionPooling=maybe').message, /expected true or false/);
  const long = failure(`Timeout=${'9'.repeat(60)}`).message;
  assert.match(long, /Timeout='9{39}…'/);
});

test('all problems of one string are reported together, in order of position', () => {
  const err = failure('Timeout=abc;Verbosity=9;Foo=1;InitiateOAuth=x;FirewallType=SOCKS5');
  const list = problems('Timeout=abc;Verbosity=9;Foo=1;InitiateOAuth=x;FirewallType=SOCKS5');
  assert.equal(list.length, 5);
  assert.deepEqual(
    list.map((p) => p.property),
    ['Timeout', 'Verbosity', 'Foo', 'InitiateOAuth', 'FirewallType'],
  );
  assert.match(err.message, /^Invalid connection string \(5 problems\): 1\) Timeout='abc' .*; 2\) Verbosity='9' .*; 3\) unknown property 'Foo' .*; 4\) InitiateOAuth='x' .*; 5\) FirewallType=SOCKS5 at character 47 needs FirewallServer/);
  assert.ok(!err.message.includes('\n'));
});

test('grammar and property problems are reported together; a pair that did not parse is left out of the rules', () => {
  const list = problems("Timout=1;=2;FirewallType=SOCKS5;FirewallServer='fw'x;Verbosity=0");
  assert.deepEqual(
    list.map((p) => p.message.replace(/ at .*/, '')),
    ["unknown property 'Timout'", "'='", "unexpected 'x'", "Verbosity='0'"],
  );
  assert.equal(problems("Timout=1;a='x").length, 2);
});

test('ignored CData properties: accepted, with a warning when not at their default', () => {
  const s = resolveConnectionProperties('Location=C:\\schema;UseConnectionPooling=true;PoolMaxSize=100;Other=ConvertDateTimeToGMT=true');
  assert.equal(s.values.Location, 'C:\\schema');
  assert.equal(s.values.UseConnectionPooling, true);
  assert.deepEqual(s.warnings, [
    "Location has no effect in igsql: igsql's views and procedures are built in and it reads no schema files, so a schema folder has no effect",
    'UseConnectionPooling has no effect in igsql: igsql keeps HTTP keep-alive connections inside each Connection and has no login session to pool, so pooling properties have no effect',
    'Other has no effect in igsql: these CData options have no counterpart in igsql (igsql always returns times in UTC)',
  ]);
  assert.deepEqual(resolveConnectionProperties('UseConnectionPooling=false;PseudoColumns=').warnings, []);
});

test('unsupported CData properties: a non-default value is an `unsupported` error; the default is fine', () => {
  const err = failure('AutoCache=true');
  assert.equal(err.code, 'unsupported');
  assert.match(err.message, /^Invalid connection string: AutoCache='true' at character 1 is not supported: igsql has no local cache database; ResponseCacheTTL/);
  assert.equal(failure('UserDefinedViews=views.json;Offline=yes').code, 'unsupported');
  assert.equal(failure('Offline=yes;Timeout=x').code, 'config');
  const s = resolveConnectionProperties('AutoCache=false;Offline=0;CacheTolerance=600');
  assert.equal(s.values.AutoCache, false);
  assert.deepEqual(s.warnings, []);
});
