import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IgsqlError } from '../../../src/errors.js';
import { parseConnectionString } from '../../../src/connection-string/parse.js';
import type { ConnectionStringProblem } from '../../../src/connection-string/problems.js';

/** key → value of a parse, for short assertions. */
function pairsOf(text: string): Record<string, string> {
  return parseConnectionString(text).toRecord();
}

/** The error a bad string gives. */
function failure(text: string): IgsqlError {
  try {
    parseConnectionString(text);
  } catch (error) {
    assert.ok(IgsqlError.is(error), `not an IgsqlError: ${String(error)}`);
    return error;
  }
  assert.fail(`parsed without error: ${text}`);
}

function problemsOf(text: string): ConnectionStringProblem[] {
  return failure(text).details['problems'] as ConnectionStringProblem[];
}

test('key=value pairs separated by semicolons', () => {
  assert.deepEqual(pairsOf('Timeout=30;Verbosity=2'), { Timeout: '30', Verbosity: '2' });
});

test('a trailing semicolon, empty pairs and white-space-only pairs are ignored', () => {
  assert.deepEqual(pairsOf('Timeout=30;'), { Timeout: '30' });
  assert.deepEqual(pairsOf(';;Timeout=30;; ;\t;Verbosity=2;;'), { Timeout: '30', Verbosity: '2' });
  assert.deepEqual(pairsOf(''), {});
  assert.deepEqual(pairsOf('   '), {});
  assert.deepEqual(pairsOf(';'), {});
});

test('keys are trimmed; inner spaces are kept', () => {
  assert.deepEqual(pairsOf('  Time out  =1'), { 'Time out': '1' });
});

test('== in a key stands for a literal =', () => {
  assert.deepEqual(pairsOf('a==b=c'), { 'a=b': 'c' });
  assert.deepEqual(pairsOf('a===b'), { 'a=': 'b' });
  assert.deepEqual(pairsOf('===x'), { '=': 'x' });
  assert.deepEqual(pairsOf('a====b=c'), { 'a==b': 'c' });
});

test('unquoted values are trimmed, run to the next ; and may contain = and quotes', () => {
  assert.deepEqual(pairsOf('Other=  a=b=c  ;X=no "escaping" \'required\''), {
    Other: 'a=b=c',
    X: 'no "escaping" \'required\'',
  });
  assert.deepEqual(pairsOf('a=b}c{'), { a: 'b}c{' });
  assert.deepEqual(pairsOf('a=it\'s'), { a: "it's" });
});

test('an empty value is an empty string', () => {
  assert.deepEqual(pairsOf('a=;b=  ;c='), { a: '', b: '', c: '' });
  assert.deepEqual(pairsOf('a=   '), { a: '' });
});

test('single- and double-quoted values keep ; = and surrounding spaces; the quote is escaped by doubling', () => {
  assert.deepEqual(pairsOf("a=' x;y=z ';b=\" q \""), { a: ' x;y=z ', b: ' q ' });
  assert.deepEqual(pairsOf("a='it''s'"), { a: "it's" });
  assert.deepEqual(pairsOf('a="say ""hi"""'), { a: 'say "hi"' });
  assert.deepEqual(pairsOf('a=\'double"quote\';b="single\'quote"'), { a: 'double"quote', b: "single'quote" });
  assert.deepEqual(pairsOf("a=''"), { a: '' });
  assert.deepEqual(pairsOf("a=''''"), { a: "'" });
  assert.deepEqual(pairsOf("a='line\nbreak'"), { a: 'line\nbreak' });
});

test('white space around a quoted value is ignored', () => {
  assert.deepEqual(pairsOf("a =   'x'   ; b='y'\t"), { a: 'x', b: 'y' });
});

test('ODBC braces: } is written }}; other characters are literal', () => {
  assert.deepEqual(pairsOf('a={x;y=z}'), { a: 'x;y=z' });
  assert.deepEqual(pairsOf('a={a}}b}}}'), { a: 'a}b}' });
  assert.deepEqual(pairsOf("a={it's {\"}"), { a: "it's {\"" });
  assert.deepEqual(pairsOf('a=  {x}  ;b=1'), { a: 'x', b: '1' });
  assert.deepEqual(pairsOf('a={}'), { a: '' });
});

test('the quoting is recorded', () => {
  const parsed = parseConnectionString("a=1;b='2';c=\"3\";d={4}");
  assert.deepEqual(
    parsed.pairs.map((p) => p.quoting),
    ['none', 'single', 'double', 'braces'],
  );
});

test('a duplicate key: the last one wins, compared ignoring case, at the place of the last', () => {
  const parsed = parseConnectionString('Timeout=1;Verbosity=2;TIMEOUT=3');
  assert.deepEqual(parsed.toRecord(), { Verbosity: '2', TIMEOUT: '3' });
  assert.deepEqual(parsed.pairs.map((p) => p.key), ['Verbosity', 'TIMEOUT']);
  assert.equal(parsed.get('timeout'), '3');
  assert.equal(parsed.get('nothing'), undefined);
});

test('JDBC prefixes are accepted, ignoring case and leading spaces', () => {
  for (const text of ['jdbc:instagram:Timeout=5', 'jdbc:cdata:instagram:Timeout=5', '  JDBC:Instagram:Timeout=5']) {
    const parsed = parseConnectionString(text);
    assert.deepEqual(parsed.toRecord(), { Timeout: '5' }, text);
    assert.equal(parsed.prefix.toLowerCase().startsWith('jdbc:'), true);
  }
  assert.deepEqual(pairsOf('jdbc:instagram:'), {});
  assert.equal(parseConnectionString('Timeout=5').prefix, '');
  // Only at the start: elsewhere it is part of a key.
  assert.deepEqual(pairsOf(';jdbc:instagram:x=1'), { 'jdbc:instagram:x': '1' });
});

test('positions of keys and values are 0-based offsets with 1-based line and column', () => {
  const [a, b] = parseConnectionString("jdbc:instagram: a = 1;\n b = 'x'").pairs;
  assert.deepEqual(a!.keyAt, { offset: 16, line: 1, column: 17 });
  assert.deepEqual(a!.valueAt, { offset: 20, line: 1, column: 21 });
  assert.deepEqual(b!.keyAt, { offset: 24, line: 2, column: 2 });
  assert.deepEqual(b!.valueAt, { offset: 28, line: 2, column: 6 });
});

test('error: a pair without = names the key and its position', () => {
  const err = failure('Timeout=5;Verbosity');
  assert.equal(err.code, 'config');
  assert.equal(err.message, "Invalid connection string: 'Verbosity' at character 11 is not a key=value pair (no '=')");
  assert.deepEqual(problemsOf('Timeout=5;Verbosity')[0]!.position, { offset: 10, line: 1, column: 11 });
  assert.match(failure('abc;').message, /'abc' at character 1 is not a key=value pair/);
  assert.match(failure('a==').message, /'a=' at character 1 is not a key=value pair/);
});

test('error: a long key is shortened in the message', () => {
  const key = 'k'.repeat(100);
  assert.match(failure(key).message, new RegExp(`'k{39}…' at character 1`));
});

test('error: = without a key', () => {
  assert.equal(failure('=5').message, "Invalid connection string: '=' at character 1 has no key before it");
  assert.equal(failure('a=1;  = x').message, "Invalid connection string: '=' at character 7 has no key before it");
});

test('error: an unclosed quote or brace, with where it opened', () => {
  assert.equal(
    failure("a=1;Logfile='x;y").message,
    "Invalid connection string: the value of Logfile opened with ' at character 13 is not closed (write ' inside it as '')",
  );
  assert.equal(
    failure('Logfile="x""').message,
    'Invalid connection string: the value of Logfile opened with " at character 9 is not closed (write " inside it as "")',
  );
  assert.equal(
    failure('Logfile={x}}').message,
    'Invalid connection string: the value of Logfile opened with { at character 9 is not closed (write } inside it as }})',
  );
  assert.match(failure("='x").message, /the value opened with ' at character 2 is not closed/);
});

test('error: text after the closing quote or brace', () => {
  assert.equal(
    failure("Logfile='x'y;Timeout=5").message,
    "Invalid connection string: unexpected 'y' at character 12 after the closing ' of the value of Logfile (expected ';' or the end; write ' inside it as '')",
  );
  assert.match(failure('Logfile={x} }').message, /unexpected '}' at character 13 after the closing } of the value of Logfile/);
  assert.match(failure('Logfile="x" "y"').message, /unexpected '"' at character 13 after the closing " of the value of Logfile/);
  assert.match(failure("='x'y").message, /unexpected 'y' at character 5 after the closing ' of the value \(/);
});

test('error positions beyond the first line are given as line and column', () => {
  assert.match(failure('a=1;\n  b').message, /'b' at line 2, column 3 is not a key=value pair/);
});

test('every problem of a string is reported, in order, after recovering at the next ;', () => {
  const err = failure("a;b='x'y;c=1;={z};d");
  const problems = problemsOf("a;b='x'y;c=1;={z};d");
  assert.equal(problems.length, 4);
  assert.deepEqual(
    problems.map((p) => p.position!.column),
    [1, 8, 14, 19],
  );
  assert.match(err.message, /^Invalid connection string \(4 problems\): 1\) 'a' at character 1 .*; 2\) unexpected 'y' .*; 3\) '=' at character 14 .*; 4\) 'd' at character 19 /);
});

test('a non-string input is a usage error', () => {
  assert.throws(() => parseConnectionString(undefined as unknown as string), { code: 'usage', message: /expects a string, not undefined/ });
  assert.throws(() => parseConnectionString(null as unknown as string), { message: /not null/ });
});
