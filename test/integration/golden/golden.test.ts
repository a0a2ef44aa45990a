/**
 * Golden tests: the Graph requests (method, path, parameters without tokens, sorted) and the
 * EXPLAIN output of representative queries, compared with the files in this folder, so pushdown
 * cannot silently regress. `IGSQL_UPDATE_GOLDEN=1 node scripts/run-tests.mjs test/integration/golden`
 * rewrites the files; review the diff before committing it.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { connect, type Connection } from '../../../src/index.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { GOLDEN_CASES } from './golden-cases.js';

const UPDATE = process.env['IGSQL_UPDATE_GOLDEN'] === '1';
/** Parameters that vary between runs or carry credentials. */
const DROPPED = new Set(['access_token', 'appsecret_proof']);

let sb: Sandbox;
let conn: Connection;
before(async () => {
  sb = await startSandbox({ port: 0, seed: 7, size: 'small', clock: () => Date.UTC(2026, 4, 20, 12) });
  // One request at a time, so the request list is the same on every run.
  conn = await connect(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser}`);
});
after(async () => {
  await conn?.close();
  await sb?.stop();
});

interface GoldenRequest {
  readonly request: string;
  readonly params: Record<string, unknown>;
}

function requestsSince(start: number): GoldenRequest[] {
  const out = sb.requests.slice(start).map((entry) => {
    const params: Record<string, unknown> = {};
    for (const key of Object.keys(entry.params).sort()) {
      if (DROPPED.has(key)) continue;
      const value = entry.params[key]!;
      params[key] = key === 'batch' ? JSON.parse(value) : value;
    }
    return { request: `${entry.method} ${entry.path}${entry.source === 'http' ? '' : ` (${entry.source})`}`, params };
  });
  return out.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
}

for (const c of GOLDEN_CASES) {
  test(`golden: ${c.name} (${c.why})`, async () => {
    const explain = (await conn.query(`EXPLAIN ${c.sql}`)).rows.map((r) => `${String(r['Operator'])} | ${String(r['Detail'])}`);
    const start = sb.requests.length;
    const result = await conn.query(c.sql);
    const actual = { sql: c.sql, why: c.why, rows: result.rowCount, explain, requests: requestsSince(start) };
    const file = new URL(`./${c.name}.json`, import.meta.url);
    const text = `${JSON.stringify(actual, null, 2)}\n`;
    if (UPDATE) {
      writeFileSync(file, text);
      return;
    }
    let expected: unknown;
    try {
      expected = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      assert.fail(`no golden file ${c.name}.json: run with IGSQL_UPDATE_GOLDEN=1`);
    }
    assert.deepEqual(actual, expected, `${c.name}: the Graph requests or EXPLAIN changed; if intended, rerun with IGSQL_UPDATE_GOLDEN=1 and review the diff`);
  });
}
