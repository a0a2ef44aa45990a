// Writes every generated document (scripts/docs/index.ts) under the repository root.
// Usage: npm run docs            (write)
//        npm run docs -- --check (exit 1 and name the stale files, write nothing)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENTS } from './docs/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const checkOnly = process.argv.includes('--check');
const stale: string[] = [];
for (const doc of DOCUMENTS) {
  const file = join(root, doc.path);
  const text = doc.render();
  let current: string | undefined;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) continue;
  stale.push(doc.path);
  if (!checkOnly) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
if (checkOnly && stale.length > 0) {
  console.error(`stale generated docs (run npm run docs): ${stale.join(', ')}`);
  process.exit(1);
}
console.log(stale.length === 0 ? 'docs are up to date' : `wrote ${stale.join(', ')}`);
