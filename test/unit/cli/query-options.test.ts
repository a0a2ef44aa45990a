import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCliArgs } from '../../../src/cli/args.js';
import { optionsFor } from '../../../src/cli/commands.js';
import { expandVerbose, querySettings, verbosityOf } from '../../../src/cli/query-options.js';

const parse = (argv: string[]) => parseCliArgs(expandVerbose(argv), optionsFor(undefined), true);

test('-v counts, -v N and -vN set the verbosity, capped at 5', () => {
  assert.equal(verbosityOf(parse(['SELECT 1'])), 0);
  assert.equal(verbosityOf(parse(['-v', 'SELECT 1'])), 1);
  assert.equal(verbosityOf(parse(['-vvv', 'SELECT 1'])), 3);
  assert.equal(verbosityOf(parse(['-v', '-v', '--verbose'])), 3);
  assert.equal(verbosityOf(parse(['-v', '4', 'SELECT 1'])), 4);
  assert.equal(verbosityOf(parse(['-v2'])), 2);
  assert.equal(verbosityOf(parse(['-vvvvvvv'])), 5);
  assert.throws(() => verbosityOf(parse(['-v', '9'])), { code: 'usage', message: '-v 9: the verbosity must be 1 to 5.' });
  assert.deepEqual(expandVerbose(['--', '-v', '2']), ['--', '-v', '2']);
});

test('query settings: format by terminal, -p values typed, --show-secrets', () => {
  const args = parse(['-p', '1', '-p', 'x', '--show-secrets', 'SELECT ?, ?']);
  assert.deepEqual(args.positionals, ['SELECT ?, ?']);
  const tty = querySettings(args, { stdout() {}, stderr() {}, env: {}, stdoutIsTTY: true });
  assert.deepEqual(tty, { format: 'table', params: [1, 'x'], showSecrets: true, verbosity: 0 });
  assert.equal(querySettings(args, { stdout() {}, stderr() {}, env: {} }).format, 'csv');
  assert.equal(querySettings(parse(['--format', 'NDJSON']), { stdout() {}, stderr() {}, env: {}, stdoutIsTTY: true }).format, 'ndjson');
  assert.throws(() => querySettings(parse(['--format', 'xml']), { stdout() {}, stderr() {}, env: {} }), { code: 'usage' });
});
