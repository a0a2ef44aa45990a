/**
 * The interactive prompt's history: `$XDG_STATE_HOME/igsql/history` (default
 * `~/.local/state/igsql/history`), one line per entry, created with mode 0600 in a 0700 folder.
 * Lines that look like they hold a secret (see looksSecret) are never written; the file keeps the
 * last MAX_HISTORY lines.
 */
import { appendFileSync, chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { looksSecret } from './mask-secret.js';

export const MAX_HISTORY = 1000;

/** The history file, or undefined when there is no home or state folder to put it in. */
export function historyPath(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const state = env['XDG_STATE_HOME'];
  if (state !== undefined && state.startsWith('/')) return join(state, 'igsql', 'history');
  const home = env['HOME'] ?? safeHomedir();
  return home ? join(home, '.local', 'state', 'igsql', 'history') : undefined;
}

function safeHomedir(): string | undefined {
  try {
    return homedir() || undefined;
  } catch {
    return undefined;
  }
}

/** The saved lines, newest first (readline's order); trims the file when it grew past MAX_HISTORY. */
export function readHistory(path: string): string[] {
  let lines: string[];
  try {
    lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '' && !looksSecret(l));
  } catch {
    return [];
  }
  if (lines.length > MAX_HISTORY) {
    lines = lines.slice(-MAX_HISTORY);
    try {
      writeFileSync(path, `${lines.join('\n')}\n`, { mode: 0o600 });
    } catch {
      // a history that cannot be trimmed is still usable
    }
  }
  return lines.reverse();
}

/** Appends a line unless it looks secret; returns whether it was saved. Failures are ignored. */
export function appendHistory(path: string, line: string): boolean {
  if (line.trim() === '' || line.includes('\n') || looksSecret(line)) return false;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    appendFileSync(path, `${line}\n`, { mode: 0o600 });
    chmodSync(path, 0o600);
    return true;
  } catch {
    return false;
  }
}
