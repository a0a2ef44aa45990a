import { buildConnectionString } from '../connection-string/build.js';
import { IgsqlError } from '../errors.js';
import type { Sandbox, SandboxOptions } from '../sandbox/index.js';
import type { CliArgs } from './args.js';
import type { CliCommand } from './command.js';
import { outputFormat } from './format.js';
import type { CliIo } from './io.js';

/**
 * `igsql sandbox`: starts the local Graph API sandbox, prints its URL, its ready tokens, the app
 * credentials and a connection string, and serves until SIGINT / SIGTERM. Printing tokens is the
 * point here: they are sandbox tokens, valid nowhere but on this local server.
 */
export const sandboxCommand: CliCommand = {
  kind: 'subcommand',
  name: 'sandbox',
  usage: 'sandbox [--port N] [--https] [--size small|large] [--media N] [--comments N] [--latency MS] [--jitter MS] [--seed N] [--format table|json]',
  summary: 'Start a local stand-in for graph.facebook.com with generated data and print its URL, tokens and connection string',
  options: [
    { name: 'port', type: 'string', value: '<n>', description: 'sandbox: TCP port on 127.0.0.1 (default 0: a free port)' },
    { name: 'https', type: 'boolean', description: 'sandbox: serve HTTPS with a self-signed certificate (its fingerprint goes in SSLServerCert)' },
    { name: 'size', type: 'string', value: '<size>', description: 'sandbox: small (default, the demo) or large (2,400 media with 20 comments each)' },
    { name: 'media', type: 'string', value: '<n>', description: 'sandbox: media on the first Instagram account' },
    { name: 'comments', type: 'string', value: '<n>', description: "sandbox: comments across the first account's media" },
    { name: 'latency', type: 'string', value: '<ms>', description: 'sandbox: delay added to every request' },
    { name: 'jitter', type: 'string', value: '<ms>', description: 'sandbox: extra random delay, 0 to this many ms' },
    { name: 'seed', type: 'string', value: '<n>', description: 'sandbox: seed of the generated data and tokens (default 42)' },
  ],
  run: ({ args, io }) => runSandbox(args, io, untilSignal),
};

/** Resolves on the first SIGINT or SIGTERM. */
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function integer(args: CliArgs, name: string, max: number): number | undefined {
  const raw = args.values[name];
  if (typeof raw !== 'string') return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) > max) {
    throw new IgsqlError('usage', `--${name} must be a whole number from 0 to ${max.toLocaleString('en-US')}, got '${raw}'.`);
  }
  return Number(raw);
}

/** The startSandbox options the command line asks for. */
export function sandboxOptions(args: CliArgs): SandboxOptions {
  const size = args.values['size'];
  if (size !== undefined && size !== 'small' && size !== 'large') {
    throw new IgsqlError('usage', `--size must be small or large, got '${String(size)}'.`);
  }
  const options: SandboxOptions = { https: args.values['https'] === true };
  const set = <K extends keyof SandboxOptions>(key: K, value: SandboxOptions[K] | undefined): void => {
    if (value !== undefined) options[key] = value;
  };
  set('size', size);
  set('port', integer(args, 'port', 65535));
  set('media', integer(args, 'media', 9_999_999));
  set('comments', integer(args, 'comments', 1_000_000_000));
  set('latencyMs', integer(args, 'latency', 600_000));
  set('jitterMs', integer(args, 'jitter', 600_000));
  set('seed', integer(args, 'seed', 2 ** 31 - 1));
  return options;
}

/** The connection string that points igsql at the sandbox (long-lived user token, app credentials, pinned certificate). */
export function sandboxConnectionString(sandbox: Sandbox): string {
  const entries: [string, string][] = [
    ['BaseURL', sandbox.url],
    ['OAuthAccessToken', sandbox.tokens.longLivedUser],
    ['OAuthClientId', sandbox.app.id],
    ['OAuthClientSecret', sandbox.app.secret],
  ];
  if (sandbox.certificate !== undefined) entries.push(['SSLServerCert', sandbox.certificate.fingerprint256]);
  return buildConnectionString(entries);
}

function describe(sandbox: Sandbox, options: SandboxOptions): string {
  const { tokens } = sandbox;
  const page = sandbox.core.data.world.pages[0]!;
  const lines = [
    `igsql sandbox: a local stand-in for graph.facebook.com with generated data (seed ${options.seed ?? 42}, size ${options.size ?? 'small'}).`,
    '',
    `  URL                ${sandbox.url}`,
    ...(sandbox.certificate === undefined ? [] : [`  Certificate        self-signed, SHA-256 ${sandbox.certificate.fingerprint256}`]),
    `  App id             ${sandbox.app.id}   (OAuthClientId)`,
    `  App secret         ${sandbox.app.secret}   (OAuthClientSecret; sandbox app)`,
    '',
    'Sandbox access tokens (they work only against this sandbox):',
    `  long-lived user    ${tokens.longLivedUser}   (60 days)`,
    `  short-lived user   ${tokens.shortLivedUser}   (2 hours)`,
    `  page               ${tokens.page}   (${page.name}; never expires)`,
    `  system user        ${tokens.systemUser}   (never expires)`,
    `  app                ${tokens.app}`,
    '',
    'Connection string:',
    `  ${sandboxConnectionString(sandbox)}`,
    '',
    'Try:',
    sandbox.certificate === undefined
      ? `  curl '${sandbox.url}/v25.0/me/accounts?access_token=${tokens.longLivedUser}'`
      : `  curl --insecure '${sandbox.url}/v25.0/me/accounts?access_token=${tokens.longLivedUser}'`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ];
  return lines.join('\n');
}

/** A port that cannot be used is the user's to change: a usage error naming it. */
function listenError(error: unknown, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return new IgsqlError('usage', `port ${port} on 127.0.0.1 is already in use: choose another --port, or --port 0 for a free one.`, { cause: error });
  }
  if (code === 'EACCES') {
    return new IgsqlError('usage', `not allowed to listen on port ${port} (ports below 1024 need privileges): choose --port 1024 or above, or --port 0 for a free one.`, { cause: error });
  }
  return error;
}

/** Starts the sandbox, prints how to reach it, waits for `waitForStop`, then stops it. */
export async function runSandbox(args: CliArgs, io: CliIo, waitForStop: () => Promise<unknown>): Promise<number> {
  const format = outputFormat(typeof args.values['format'] === 'string' ? args.values['format'] : undefined, ['table', 'json']);
  const options = sandboxOptions(args);
  const { startSandbox } = await import('../sandbox/index.js');
  const sandbox = await startSandbox(options).catch((error: unknown) => {
    throw listenError(error, options.port ?? 0);
  });
  try {
    if (format === 'json') {
      io.stdout(`${JSON.stringify({
        url: sandbox.url, app: sandbox.app, tokens: sandbox.tokens, connectionString: sandboxConnectionString(sandbox),
        ...(sandbox.certificate === undefined ? {} : { certificate: { fingerprint256: sandbox.certificate.fingerprint256, fingerprint1: sandbox.certificate.fingerprint1, cert: sandbox.certificate.cert } }),
      })}\n`);
    } else {
      io.stdout(describe(sandbox, options));
    }
    await waitForStop();
  } finally {
    await sandbox.stop();
  }
  io.stderr('igsql sandbox: stopped.\n');
  return 0;
}
