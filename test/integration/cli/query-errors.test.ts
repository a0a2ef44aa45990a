/** Query mode's errors, stdin, logging and masking, with the real CLI spawned against the sandbox. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '../../../src/sandbox/index.js';
import { startCliSandbox, type PageRow } from '../../helpers/cli-sandbox.js';
import { spawnIgsql } from '../../helpers/spawn-igsql.js';

let sandbox: Sandbox;
let cs: string;
let pages: PageRow[];
const dir = mkdtempSync(join(tmpdir(), 'igsql-cli-'));

before(async () => {
  ({ sandbox, cs, pages } = await startCliSandbox());
});

after(async () => {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('bad SQL exits 2 with one line naming line and column; in a file, the file is named too', async () => {
  const r = await spawnIgsql(['-c', cs, 'SELECT Id\nFROM Pagez']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'igsql: Unknown view Pagez. Did you mean Page? SELECT TableName FROM sys_tables lists the views. (line 2, column 6)\n');
  const file = join(dir, 'bad.sql');
  writeFileSync(file, 'SELECT 1 AS One;\nSELECT Id FRM Page;\n');
  const f = await spawnIgsql(['-c', cs, '-f', file]);
  assert.equal(f.code, 2);
  assert.equal(f.stdout, 'One\r\n1\r\n', 'the first statement ran');
  assert.match(f.stderr, /^igsql: .*bad\.sql: SQL syntax error at line 2, column \d+: [^\n]*\n$/);
});

test('a bad connection string exits 2 naming the property; a missing one too', async () => {
  const r = await spawnIgsql(['-c', 'Timout=5', 'SELECT * FROM Page']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, "igsql: Invalid connection string: unknown property 'Timout' at character 1; did you mean Timeout?\n");
  const sandboxed = await spawnIgsql(['--sandbox', '-c', 'Verbosty=2', 'SELECT 1']);
  assert.equal(sandboxed.code, 2);
  assert.match(sandboxed.stderr, /unknown property 'Verbosty' at character 1; did you mean Verbosity\?/);
});

test('SQL piped on stdin runs when no SQL argument is given', async () => {
  const r = await spawnIgsql(['-c', cs, '--format', 'ndjson'], { input: 'SELECT COUNT(*) AS N FROM Page;\nSELECT 2 AS Two\n' });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `{"N":${pages.length}}\n{"Two":2}\n`);
});

test('-v logs the query to stderr (no token); --sandbox with -c adds properties (MaxRows=1)', async () => {
  const v = await spawnIgsql(['--sandbox', '-c', 'MaxRows=1', '-vv', '--format', 'ndjson', 'SELECT Id FROM Page']);
  assert.equal(v.code, 0, v.stderr);
  assert.equal(v.stdout, `${JSON.stringify({ Id: pages[0]!.Id })}\n`);
  assert.match(v.stderr, /^igsql \S+ info +query: query started queryId=1 sql="SELECT Id FROM Page"$/m);
  assert.match(v.stderr, /debug/);
  assert.ok(!v.stderr.includes(sandbox.tokens.longLivedUser.slice(0, 20)) && !/EAA\w{20,}/.test(v.stderr), v.stderr);
});

test('token columns of a procedure are masked unless --show-secrets (EXEC GetPageAccessToken)', async () => {
  const masked = await spawnIgsql(['--sandbox', '--format', 'ndjson', 'EXEC GetPageAccessToken']);
  assert.equal(masked.code, 0, masked.stderr);
  const rows = masked.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(rows.length, pages.length);
  for (const row of rows) assert.match(String(row['PageAccessToken']), /^EAA.…\(masked\)$/);
  assert.ok(!/EAA\w{8,}/.test(masked.stdout), masked.stdout);
  const shown = await spawnIgsql(['--sandbox', '--format', 'ndjson', '--show-secrets', 'EXEC GetPageAccessToken']);
  for (const line of shown.stdout.trimEnd().split('\n')) assert.match(String(JSON.parse(line).PageAccessToken), /^EAA\w{40,}$/);
});

test('igsql --sandbox "EXEC GetTokenInfo" prints the token\'s facts (issue 5), and no token', async () => {
  const r = await spawnIgsql(['--sandbox', '--format', 'json', 'EXEC GetTokenInfo']);
  assert.equal(r.code, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
  assert.equal(rows.length, 1);
  const info = rows[0]!;
  assert.equal(info['Type'], 'USER');
  assert.equal(info['IsValid'], true);
  assert.match(String(info['ExpiresAt']), /^\d{4}-\d\d-\d\dT/);
  assert.match(String(info['Scopes']), /instagram_manage_insights/);
  assert.equal(info['Diagnosis'], 'OK');
  assert.ok(!/EAA\w{8,}/.test(r.stdout + r.stderr), 'no token is printed');
});
