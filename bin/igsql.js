#!/usr/bin/env node
// The igsql command. An installed package runs the compiled CLI: the bundle in dist/bundle/cli/ (a
// few modules to load instead of ~320: ~130 ms faster), or dist/cli/ when there is no bundle
// (`npm install` builds both through the `prepare` script). In a checkout whose sources are newer
// than that build (or that has no build), it runs the sources through tsx instead, so `npx igsql`
// never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundled = join(root, 'dist', 'bundle', 'cli', 'main.js');
const compiled = existsSync(bundled) ? bundled : join(root, 'dist', 'cli', 'main.js');
const sources = join(root, 'src');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function useSources() {
  if (!existsSync(join(sources, 'cli', 'main.ts'))) return false;
  if (!existsSync(compiled)) return true;
  return newestMtime(sources) > statSync(compiled).mtimeMs;
}

let entry = pathToFileURL(compiled).href;
if (useSources()) {
  try {
    const { register } = await import('tsx/esm/api');
    register();
    entry = pathToFileURL(join(sources, 'cli', 'main.ts')).href;
  } catch {
    if (!existsSync(compiled)) {
      console.error('igsql: no build in dist/ and no tsx to run the sources; run `npm install` (or `npm run build`).');
      process.exit(1);
    }
  }
}
const { main } = await import(entry);
const code = await main(process.argv.slice(2));
// Leave once the output is flushed: a closed HTTP pool's housekeeping timer (undici ticks every
// 500 ms) must not hold the shell prompt after the work is done.
process.exitCode = code;
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
