/** Runs the real igsql command (bin/igsql.js) as a user would, without blocking the test's event loop. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const bin = fileURLToPath(new URL('../../bin/igsql.js', import.meta.url));

export interface IgsqlRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface SpawnIgsqlOptions {
  /** Written to stdin, then stdin is closed (default: stdin closed at once). */
  readonly input?: string;
  readonly env?: Record<string, string>;
  /** Called with the child once it runs (e.g. to send it a signal). */
  readonly onStart?: (child: import('node:child_process').ChildProcess, output: () => string) => void;
}

export function spawnIgsql(args: readonly string[], options: SpawnIgsqlOptions = {}): Promise<IgsqlRun> {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...process.env, IGSQL_CONNECTION: '', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  child.stdin.end(options.input ?? '');
  options.onStart?.(child, () => stdout);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr: stderr.replace(/^npm warn.*\n/gm, '') }));
  });
}
