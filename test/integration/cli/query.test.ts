/** Query mode as a user runs it: the real CLI spawned against the sandbox (--sandbox, or -c to a test sandbox). */
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

test('igsql --sandbox "SELECT * FROM Page" prints the pages with their IG account ids (csv when not a terminal)', async () => {
  const r = await spawnIgsql(['--sandbox', 'SELECT * FROM Page']);
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  const lines = r.stdout.split('\r\n');
  assert.equal(lines[0], 'Id,Name,Category,Tasks,InstagramBusinessAccountId,InstagramUsername');
  for (const page of pages) {
    const line = lines.find((l) => l.startsWith(`${page.Id},`));
    assert.ok(line, `page ${page.Id} missing`);
    if (page.InstagramBusinessAccountId !== null) assert.ok(line.includes(`,${page.InstagramBusinessAccountId},`), line);
  }
});

test('--format table, json and ndjson over -c (the connection string of a running sandbox)', async () => {
  const sql = 'SELECT Id, Name, InstagramBusinessAccountId FROM Page ORDER BY Id';
  const sorted = [...pages].sort((a, b) => (a.Id < b.Id ? -1 : 1));
  const json = await spawnIgsql(['-c', cs, '--format', 'json', sql]);
  assert.equal(json.code, 0, json.stderr);
  assert.deepEqual(JSON.parse(json.stdout), sorted);
  const ndjson = await spawnIgsql(['--format', 'ndjson', sql], { env: { IGSQL_CONNECTION: cs } });
  assert.deepEqual(ndjson.stdout.trimEnd().split('\n').map((l) => JSON.parse(l)), sorted);
  const table = await spawnIgsql(['-c', cs, '--format', 'table', sql]);
  const lines = table.stdout.split('\n');
  assert.match(lines[0]!, /^Id +\| Name +\| InstagramBusinessAccountId$/);
  assert.match(lines[1]!, /^-+-\+-+-\+-+$/);
  assert.match(table.stdout, new RegExp(`^${sorted[0]!.Id} +\\| ${sorted[0]!.Name} +\\| ${sorted[0]!.InstagramBusinessAccountId ?? 'NULL'}$`, 'm'));
  assert.match(table.stdout, new RegExp(`\\n\\(${pages.length} rows\\)\\n$`));
});

test('-f runs the statements of a file in order; -p binds ? in order and name=value binds @name', async () => {
  const file = join(dir, 'two.sql');
  writeFileSync(file, '-- pages, then one page\nSELECT COUNT(*) AS N FROM Page;\n\nSELECT Name FROM Page WHERE Id = ?;\n');
  const r = await spawnIgsql(['-c', cs, '-f', file, '-p', pages[1]!.Id]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `N\r\n${pages.length}\r\n\r\nName\r\n${pages[1]!.Name}\r\n`);
  // json: one array per statement, in turn (a sequence that jq reads as it is)
  const json = await spawnIgsql(['-c', cs, '-f', file, '-p', pages[1]!.Id, '--format', 'json']);
  assert.equal(json.code, 0, json.stderr);
  const arrays = json.stdout.trimEnd().split(/\n(?=\[)/).map((text) => JSON.parse(text) as unknown);
  assert.deepEqual(arrays, [[{ N: pages.length }], [{ Name: pages[1]!.Name }]]);
  const named = await spawnIgsql(['-c', cs, '--format', 'ndjson', '-p', `id=${pages[0]!.Id}`, '-p', 'n=1', 'SELECT Name, @n + 1 AS Two FROM Page WHERE Id = @id']);
  assert.equal(named.stdout, `${JSON.stringify({ Name: pages[0]!.Name, Two: 2 })}\n`);
});
