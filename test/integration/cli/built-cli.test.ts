import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * `npm run build` compiles src/ to dist/ and bundles the library, the sandbox and the CLI into
 * dist/bundle/; bin/igsql.js and package.json's exports then use the bundle. To leave the checkout's dist/ alone, the build goes to a temporary copy of the
 * package.
 */
test('the built CLI runs: tsc -p tsconfig.build.json, then bin/igsql.js uses dist/', () => {
  const dir = mkdtempSync(join(tmpdir(), 'igsql-build-'));
  try {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const build = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', join(dir, 'dist')], {
      encoding: 'utf8',
    });
    assert.equal(build.status, 0, build.stdout + build.stderr);
    cpSync(join(root, 'bin'), join(dir, 'bin'), { recursive: true });
    cpSync(join(root, 'package.json'), join(dir, 'package.json'));
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const run = spawnSync(process.execPath, [join(dir, 'bin', 'igsql.js'), '--check', '-c', "ProxyServer='a;b';Timeout=5", '--format', 'json'], {
      encoding: 'utf8',
    });
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, '{"ProxyServer":"a;b","Timeout":5}\n');
    assert.equal(run.status, 0);
    const bad = spawnSync(process.execPath, [join(dir, 'bin', 'igsql.js'), '--check', '-c', 'Timout=5'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /did you mean Timeout\?/);

    // the bundle: bin/igsql.js and package.json's exports use it, and it needs nothing else of dist/
    const bundle = spawnSync(process.execPath, [join(root, 'scripts', 'bundle.mjs'), join(dir, 'dist')], { encoding: 'utf8' });
    assert.equal(bundle.status, 0, bundle.stdout + bundle.stderr);
    for (const entry of readdirSync(join(dir, 'dist'))) if (entry !== 'bundle') rmSync(join(dir, 'dist', entry), { recursive: true });
    const version = spawnSync(process.execPath, [join(dir, 'bin', 'igsql.js'), '--version'], { encoding: 'utf8' });
    assert.equal(version.stderr, '');
    assert.match(version.stdout, /^igsql \d+\.\d+\.\d+/); // package.json found from the bundle's place
    const query = spawnSync(process.execPath, [join(dir, 'bin', 'igsql.js'), '--sandbox', 'SELECT Name FROM Page ORDER BY Name LIMIT 1', '--format', 'json'], { encoding: 'utf8' });
    assert.equal(query.stderr, '');
    assert.deepEqual(JSON.parse(query.stdout), [{ Name: 'Lantern Coffee Careers' }]); // the sandbox is a lazily loaded chunk
    assert.equal(query.status, 0);
    // the library and the sandbox by the package's name (from inside it, as Node allows), together
    const script = [
      "const { connect } = await import('igsql');",
      "const { startSandbox } = await import('igsql/sandbox');",
      'const sb = await startSandbox({ port: 0 });',
      "const conn = await connect(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser}`);",
      "const { rows } = await conn.query('SELECT COUNT(*) AS N FROM Page');",
      'await conn.close(); await sb.stop();',
      'console.log(JSON.stringify(rows));',
    ].join('\n');
    const library = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
    assert.equal(library.stderr, '');
    assert.deepEqual(JSON.parse(library.stdout), [{ N: 3 }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
