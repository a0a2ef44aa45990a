// The CLI as one ES module (plus lazily loaded chunks) in dist/bundle/, from the compiled dist/cli/.
// Loading ~320 small modules was ~40% of a one-shot `igsql "SELECT …"`; one file loads ~130 ms
// faster. Dependencies stay external (node_modules), so the bundle holds only igsql's own code.
// The chunks sit two levels under the package root, as dist/cli/*.js do, so relative URLs such as
// version.ts's `../../package.json` resolve the same. `npm run build` runs it after tsc.
//   node scripts/bundle-cli.mjs [distDir]   (default: dist)
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');
const outdir = join(dist, 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(dist, 'cli', 'main.js')],
  outdir,
  bundle: true,
  splitting: true, // `await import()` (the sandbox, selfsigned, socks) stays lazy: separate chunks
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
