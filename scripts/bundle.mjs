// igsql as a few ES modules in dist/bundle/, from the compiled dist/: the library (index.js), the
// sandbox (sandbox/index.js) and the CLI (cli/main.js), with the code they share in common chunks
// (one copy of each module, so `igsql` and `igsql/sandbox` work together). Loading ~320 small
// modules was most of `import('igsql')` (~195 ms → ~105 ms) and ~40% of a one-shot
// `igsql "SELECT …"` (~130 ms faster). Dependencies stay external (node_modules), and
// `await import()`s (the sandbox, selfsigned) stay lazy chunks. package.json's exports and
// bin/igsql.js point here; types stay dist/*.d.ts. `npm run build` runs it after tsc.
//   node scripts/bundle.mjs [distDir]   (default: dist)
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');
const outdir = join(dist, 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: ['index.js', 'sandbox/index.js', 'cli/main.js'].map((entry) => join(dist, entry)),
  outbase: dist,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
