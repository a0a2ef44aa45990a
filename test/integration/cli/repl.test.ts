/** The interactive prompt and SQL on stdin, with the real CLI spawned (through a pseudo-terminal for the prompt). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, root, spawnIgsql } from '../../helpers/spawn-igsql.js';

test('piped stdin: \\d, a multi-line query, \\d View, then \\q stops reading', async () => {
  const input = '\\d\nSELECT COUNT(*) AS N\n  FROM Page;\n\\d pages\n\\q\nSELECT 42 AS Never;\n';
  const r = await spawnIgsql(['--sandbox'], { input });
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  const blocks = r.stdout.split('\r\n\r\n');
  assert.equal(blocks.length, 3);
  assert.match(blocks[0]!, /^TableName,TableType,Description\r\nPage,VIEW,/);
  assert.match(blocks[0]!, /\r\nMedia,VIEW,/);
  assert.equal(blocks[1], 'N\r\n3');
  assert.match(blocks[2]!, /^ColumnName,DataTypeName,PushdownOperators,Description\r\nId,String,"=, in",/);
  assert.match(blocks[2]!, /\r\nInstagramBusinessAccountId,String,/);
  assert.ok(!r.stdout.includes('Never'));
});

test('piped stdin: an unknown view in \\d or a failing statement stops the script with exit 2', async () => {
  const r = await spawnIgsql(['--sandbox'], { input: 'SELECT 1 AS A;\n\\d Pagez\nSELECT 2 AS B;\n' });
  assert.equal(r.code, 2);
  assert.equal(r.stdout, 'A\r\n1\r\n');
  assert.equal(r.stderr, 'igsql: Unknown view Pagez. Did you mean Page? SELECT TableName FROM sys_tables lists the views.\n');
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** `igsql --sandbox` in a pseudo-terminal (util-linux `script`), driven like a user at the keyboard. */
function terminalSession(env: Record<string, string>, args = '--sandbox') {
  const child = spawn('script', ['-qfec', `'${process.execPath}' '${bin}' ${args}`, '/dev/null'], {
    cwd: root, env: { ...process.env, IGSQL_CONNECTION: '', TERM: 'dumb', ...env }, stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let consumed = 0;
  let waiting: { pattern: RegExp; from: number; resolve: () => void } | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (waiting && waiting.pattern.test(output.slice(waiting.from))) {
      const w = waiting;
      waiting = undefined;
      w.resolve();
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    /** Types `keys` once the output (after the last call) shows `pattern`. */
    async typeAfter(pattern: RegExp, keys: string): Promise<void> {
      await new Promise<void>((resolve) => {
        if (pattern.test(output.slice(consumed))) resolve();
        else waiting = { pattern, from: consumed, resolve };
      });
      const match = pattern.exec(output.slice(consumed))!;
      consumed += match.index + match[0].length;
      child.stdin.write(keys);
    },
    /** Types `keys` at once. */
    typeNow(keys: string): void {
      child.stdin.write(keys);
    },
    output: () => output,
    exited,
    kill: () => child.kill('SIGKILL'),
  };
}

test('the prompt in a terminal: a query over two lines, \\d, history without secrets (0600), Ctrl-C clears, Ctrl-C twice quits', { skip: !hasScript && 'util-linux script is not installed' }, async () => {
  const state = mkdtempSync(join(tmpdir(), 'igsql-state-'));
  const session = terminalSession({ XDG_STATE_HOME: state });
  try {
    await session.typeAfter(/igsql> /, 'SELECT COUNT(*) AS N\r');
    await session.typeAfter(/\.\.\.> /, 'FROM Page;\r');
    await session.typeAfter(/igsql> /, "SELECT 'EAABsbCS1iHgBAKZCZBhZAXrZCvv6nLZB' AS T;\r");
    await session.typeAfter(/igsql> /, '\\d\r');
    await session.typeAfter(/igsql> /, 'SELECT 1\r');
    await session.typeAfter(/\.\.\.> /, '\x03');
    await session.typeAfter(/Ctrl-C again or Ctrl-D to quit[\s\S]*igsql> /, '\x03');
    assert.equal(await session.exited, 0);
    const screen = session.output();
    assert.match(screen, /N\r\n-\r\n3\r\n\(1 row\)/, 'the query over two lines ran, as a table');
    assert.match(screen, /\r\nPage +\| VIEW +\| /, '\\d listed the views');
    const history = join(state, 'igsql', 'history');
    assert.equal(readFileSync(history, 'utf8'), 'SELECT COUNT(*) AS N\nFROM Page;\n\\d\nSELECT 1\n');
    assert.equal(statSync(history).mode & 0o777, 0o600);
  } finally {
    session.kill();
    rmSync(state, { recursive: true, force: true });
  }
});

test('Ctrl-C during a one-shot query cancels it and exits 130', async () => {
  // A Graph API that never answers: only the cancel can end the query.
  let requested = false;
  const server = createServer(() => void (requested = true));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const r = await spawnIgsql(['-c', `BaseURL=http://127.0.0.1:${port};OAuthAccessToken=EAAtest`, 'SELECT * FROM Page'], {
      onStart(child) {
        // Interrupt once the query has started: its first Graph request has reached the server.
        const poll = setInterval(() => {
          if (requested) {
            clearInterval(poll);
            child.kill('SIGINT');
          }
        }, 20);
      },
    });
    assert.equal(r.code, 130);
    assert.equal(r.stdout, '', 'no CSV header before the first row');
    assert.equal(r.stderr, 'igsql: cancelled.\n');
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('the prompt in a terminal: Ctrl-C cancels a running query and the prompt goes on; Ctrl-D quits', { skip: !hasScript && 'util-linux script is not installed' }, async () => {
  // A Graph API that never answers: only the cancel can end the query.
  const server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const state = mkdtempSync(join(tmpdir(), 'igsql-state-'));
  const session = terminalSession({ XDG_STATE_HOME: state }, `-c 'BaseURL=http://127.0.0.1:${port};OAuthAccessToken=EAAtest'`);
  let requests = 0;
  const requested = new Promise<void>((resolve) => server.on('request', () => (++requests === 1 ? resolve() : undefined)));
  try {
    await session.typeAfter(/igsql> /, 'SELECT * FROM Page;\r');
    await requested;
    session.typeNow('\x03');
    await session.typeAfter(/query cancelled\.[\s\S]*igsql> /, 'SELECT 1 AS One;\r');
    await session.typeAfter(/\(1 row\)[\s\S]*igsql> /, '\x04');
    assert.equal(await session.exited, 0);
    assert.match(session.output(), /One\r\n---\r\n {2}1\r\n\(1 row\)/);
  } finally {
    session.kill();
    server.closeAllConnections();
    server.close();
    rmSync(state, { recursive: true, force: true });
  }
});
