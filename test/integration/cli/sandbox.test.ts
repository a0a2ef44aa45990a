/** `igsql sandbox` as a user runs it: spawned, read from its output, queried, stopped with Ctrl-C. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../../../bin/igsql.js', import.meta.url));

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
}

/** Starts `igsql sandbox …` and resolves once it printed `until`. */
async function start(args: string[], until: RegExp): Promise<Running> {
  const child = spawn(process.execPath, [bin, 'sandbox', ...args], { cwd: root, env: { ...process.env, IGSQL_CONNECTION: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => void (err += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (until.test(out)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`igsql sandbox exited with ${code}: ${err}`)));
  });
  return { child, stdout: () => out, stderr: () => err };
}

async function stop(running: Running, signal: NodeJS.Signals): Promise<number | null> {
  const exited = once(running.child, 'exit');
  running.child.kill(signal);
  const [code] = await exited;
  return code as number | null;
}

test('igsql sandbox --port 0 prints its URL and tokens, answers, and stops cleanly on SIGINT', async () => {
  const running = await start(['--port', '0', '--seed', '4'], /Press Ctrl-C to stop\./);
  try {
    const out = running.stdout();
    const url = /^ {2}URL +(http:\/\/127\.0\.0\.1:\d+)$/m.exec(out)?.[1];
    const token = /^ {2}long-lived user +(EAA\w+)/m.exec(out)?.[1];
    assert.ok(url && token, out);
    const me = (await (await fetch(`${url}/v25.0/me?access_token=${token}`)).json()) as { name: string };
    assert.equal(me.name, 'Sam Sandbox');
    assert.match(out, new RegExp(`^ {2}BaseURL=${url.replace(/[.]/g, '\\.')};OAuthAccessToken=${token};OAuthClientId=\\d+;OAuthClientSecret=[0-9a-f]{32}$`, 'm'));
  } finally {
    assert.equal(await stop(running, 'SIGINT'), 0);
  }
  assert.equal(running.stderr().replace(/^npm warn.*\n/gm, ''), 'igsql sandbox: stopped.\n');
});

test('igsql sandbox --https --format json: reachable with the printed fingerprint pinned; SIGTERM stops it', async () => {
  const running = await start(['--port', '0', '--https', '--format', 'json'], /\n$/);
  try {
    const printed = JSON.parse(running.stdout());
    assert.match(printed.connectionString, new RegExp(`;SSLServerCert=${printed.certificate.fingerprint256}$`));
    const agent = new Agent({ connect: { ca: printed.certificate.cert } });
    const me = await request(`${printed.url}/v25.0/me?access_token=${printed.tokens.longLivedUser}`, { dispatcher: agent });
    assert.equal(me.statusCode, 200);
    await me.body.dump();
    await agent.close();
  } finally {
    assert.equal(await stop(running, 'SIGTERM'), 0);
  }
});
