#!/usr/bin/env node
// Runs the node:test suites through tsx (Node 20 cannot strip TypeScript types itself).
// Usage: node scripts/run-tests.mjs [dir-or-file ...]   (default: test/)
// Node 20's --test takes no globs, so the files are found here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function collect(path, out) {
  const st = statSync(path);
  if (st.isFile()) {
    if (path.endsWith('.test.ts')) out.push(path);
    return out;
  }
  for (const entry of readdirSync(path).sort()) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    collect(join(path, entry), out);
  }
  return out;
}

const args = process.argv.slice(2);
const roots = args.length > 0 ? args : ['test'];
const files = roots.flatMap((root) => collect(root, []));
if (files.length === 0) {
  console.error(`no *.test.ts files under ${roots.join(', ')}`);
  process.exit(1);
}
const concurrency = process.env.IGSQL_TEST_CONCURRENCY ?? '4';
const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-timeout=300000',
    ...(process.env.CI ? ['--test-reporter=dot'] : []),
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
