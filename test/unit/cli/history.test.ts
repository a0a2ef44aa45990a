import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendHistory, historyPath, MAX_HISTORY, readHistory } from '../../../src/cli/history.js';

test('historyPath: under $XDG_STATE_HOME, else ~/.local/state', () => {
  assert.equal(historyPath({ XDG_STATE_HOME: '/s', HOME: '/h' }), '/s/igsql/history');
  assert.equal(historyPath({ XDG_STATE_HOME: 'relative', HOME: '/h' }), '/h/.local/state/igsql/history', 'a relative XDG path is ignored, as the spec says');
  assert.equal(historyPath({ HOME: '/h' }), '/h/.local/state/igsql/history');
});

test('appendHistory writes a 0600 file in a new folder and never a secret-looking line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'igsql-hist-'));
  try {
    const path = join(dir, 'igsql', 'history');
    assert.equal(appendHistory(path, 'SELECT * FROM Page;'), true);
    assert.equal(appendHistory(path, "EXEC GetOAuthAccessToken @OAuthVerifier = 'AQD8x'"), false);
    assert.equal(appendHistory(path, "SELECT 'EAABsbCS1iHgBAKZCZBhZAXrZCvv6nLZB'"), false);
    assert.equal(appendHistory(path, '   '), false);
    assert.equal(readFileSync(path, 'utf8'), 'SELECT * FROM Page;\n');
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(statSync(join(dir, 'igsql')).mode & 0o777, 0o700);
    assert.deepEqual(readHistory(path), ['SELECT * FROM Page;']);
    assert.deepEqual(readHistory(join(dir, 'none')), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('readHistory returns newest first, drops secret-looking lines and trims the file to MAX_HISTORY', () => {
  const dir = mkdtempSync(join(tmpdir(), 'igsql-hist-'));
  try {
    const path = join(dir, 'history');
    const lines = Array.from({ length: MAX_HISTORY + 5 }, (_, i) => `SELECT ${i};`);
    writeFileSync(path, `${lines.join('\n')}\npassword=hunter2\n`);
    const read = readHistory(path);
    assert.equal(read.length, MAX_HISTORY);
    assert.equal(read[0], `SELECT ${MAX_HISTORY + 4};`);
    assert.equal(readFileSync(path, 'utf8').split('\n').length, MAX_HISTORY + 1);
    assert.ok(!readFileSync(path, 'utf8').includes('hunter2'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
