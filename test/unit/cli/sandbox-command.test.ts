import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { parseCliArgs } from '../../../src/cli/args.js';
import { optionsFor } from '../../../src/cli/commands.js';
import { runSandbox, sandboxCommand, sandboxOptions } from '../../../src/cli/sandbox-command.js';
import { resolveConnectionProperties } from '../../../src/connection-string/properties.js';
import { runCli } from './run-cli.js';

function args(argv: string[]) {
  return parseCliArgs(argv, optionsFor(sandboxCommand));
}

test('command-line options become startSandbox options', () => {
  assert.deepEqual(sandboxOptions(args(['--port', '0', '--https', '--size', 'large', '--media', '500', '--comments', '2000', '--latency', '50', '--jitter', '5', '--seed', '7'])), {
    https: true, size: 'large', port: 0, media: 500, comments: 2000, latencyMs: 50, jitterMs: 5, seed: 7,
  });
  assert.deepEqual(sandboxOptions(args([])), { https: false });
});

test('bad values are usage errors (exit 2) naming the option and what is valid', async () => {
  for (const [argv, message] of [
    [['--port', 'abc'], "--port must be a whole number from 0 to 65,535, got 'abc'."],
    [['--port', '70000'], "--port must be a whole number from 0 to 65,535, got '70000'."],
    [['--size', 'huge'], "--size must be small or large, got 'huge'."],
    [['--latency=-5'], "--latency must be a whole number from 0 to 600,000, got '-5'."],
    [['--format', 'csv'], "unknown --format 'csv': expected table or json"],
  ] as const) {
    const r = await runCli(['sandbox', ...argv]);
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.stderr, `igsql: ${message}\n`);
  }
  const unknown = await runCli(['sandbox', '--prot', '1']);
  assert.match(unknown.stderr, /unknown option '--prot'\. Did you mean --port\?/);
});

test('--help lists the sandbox command and its options', async () => {
  const r = await runCli(['--help']);
  assert.match(r.stdout, /igsql sandbox \[--port N\] \[--https\]/);
  assert.match(r.stdout, /--latency <ms>/);
});

test('in-process: prints URL, labelled tokens, app credentials and a connection string that igsql reads back, then stops', async () => {
  let stdout = '';
  let stderr = '';
  let reached: any;
  const code = await runSandbox(args(['--seed', '3', '--latency', '0']), {
    stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {},
  }, async () => {
    const url = /^ {2}URL +(\S+)$/m.exec(stdout)![1]!;
    const token = /^ {2}long-lived user +(EAA\w+)/m.exec(stdout)![1]!;
    reached = await (await fetch(`${url}/v25.0/me?access_token=${token}`)).json();
  });
  assert.equal(code, 0);
  assert.equal(reached.name, 'Sam Sandbox');
  assert.match(stdout, /^Sandbox access tokens \(they work only against this sandbox\):$/m);
  for (const label of ['long-lived user', 'short-lived user', 'page', 'system user', 'app']) assert.match(stdout, new RegExp(`^ {2}${label} +\\S+`, 'm'));
  assert.match(stdout, /^ {2}App secret +[0-9a-f]{32}/m);
  const connection = /^Connection string:\n {2}(.+)$/m.exec(stdout)![1]!;
  const settings = resolveConnectionProperties(connection).userValues();
  assert.deepEqual(Object.keys(settings).sort(), ['BaseURL', 'OAuthAccessToken', 'OAuthClientId', 'OAuthClientSecret']);
  assert.equal(stderr, 'igsql sandbox: stopped.\n');
});

test('--format json prints one JSON line; --https adds the certificate and SSLServerCert', async () => {
  let stdout = '';
  const code = await runSandbox(args(['--https', '--format', 'json']), { stdout: (t) => void (stdout += t), stderr: () => {}, env: {} }, async () => {});
  assert.equal(code, 0);
  const printed = JSON.parse(stdout);
  assert.match(printed.url, /^https:\/\/127\.0\.0\.1:\d+$/);
  assert.deepEqual(Object.keys(printed.tokens).sort(), ['app', 'longLivedUser', 'page', 'pages', 'shortLivedUser', 'systemUser']);
  assert.match(printed.certificate.fingerprint256, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  const settings = resolveConnectionProperties(printed.connectionString).userValues();
  assert.equal(settings['SSLServerCert'], printed.certificate.fingerprint256);
  assert.equal(settings['BaseURL'], printed.url);
});

test('a port already in use is a usage error naming the port', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as AddressInfo).port;
  try {
    const r = await runCli(['sandbox', '--port', String(port)]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `igsql: port ${port} on 127.0.0.1 is already in use: choose another --port, or --port 0 for a free one.\n`);
  } finally {
    blocker.close();
  }
});
