/**
 * Runs a bench worker in a child process and parses the JSON line it prints. `npm run bench`
 * compiles src/ and bench/ into .bench/ and runs plain `node`, as users run the published package
 * (tsx would add its own loader, ~35 MB of RSS and esbuild's helpers to every measured process);
 * run through tsx (`npx tsx bench/run.ts`), the workers run through tsx too.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const compiled = import.meta.url.endsWith('.js');

/** `script` is named by its source (`igsql-worker.ts`). */
export function runChild<T>(script: string, args: readonly string[], nodeOptions: readonly string[] = []): Promise<T> {
  const file = compiled ? `${here}${script.replace(/\.ts$/, '.js')}` : `${here}${script}`;
  const loader = compiled ? [] : ['--import', 'tsx'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeOptions, ...loader, file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || line === '') {
        reject(new Error(`${script} exited with ${String(code)}: ${err.trim().slice(-2000)}`));
        return;
      }
      try {
        resolve(JSON.parse(line) as T);
      } catch {
        reject(new Error(`${script} printed no JSON: ${line.slice(0, 200)}`));
      }
    });
  });
}
