import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField } from '../../../src/cli/csv.js';
import { writeResult, type ResultSource } from '../../../src/cli/result-writer.js';
import type { OutputFormat } from '../../../src/cli/format.js';
import type { ResultColumn, Row } from '../../../src/schema/types.js';

const columns: ResultColumn[] = [
  { name: 'Id', type: 'String' },
  { name: 'Likes', type: 'Integer' },
  { name: 'At', type: 'Datetime' },
  { name: 'Meta', type: 'Json' },
  { name: 'Ok', type: 'Boolean' },
];
const rows: Row[] = [
  { Id: '17841950324177174', Likes: 5, At: new Date('2026-05-19T23:27:28Z'), Meta: { a: [1, 'x'] }, Ok: true },
  { Id: 'say "hi", then\nleave', Likes: null, At: null, Meta: null, Ok: false },
];

function source(cols: readonly ResultColumn[], data: readonly Row[]): ResultSource {
  return {
    columns: cols,
    async *[Symbol.asyncIterator]() {
      yield* data;
    },
  };
}

async function render(format: OutputFormat, cols = columns, data = rows, showSecrets = false): Promise<string> {
  let out = '';
  const count = await writeResult(source(cols, data), (t) => void (out += t), { format, showSecrets });
  assert.equal(count, data.length);
  return out;
}

test('csv follows RFC 4180: CRLF records, quotes doubled, NULL empty, dates ISO UTC, Json as JSON text', async () => {
  assert.equal(
    await render('csv'),
    'Id,Likes,At,Meta,Ok\r\n' +
      '17841950324177174,5,2026-05-19T23:27:28.000Z,"{""a"":[1,""x""]}",true\r\n' +
      '"say ""hi"", then\nleave",,,,false\r\n',
  );
  assert.equal(csvField(''), '""', 'an empty string differs from NULL');
  assert.equal(csvField(' x'), '" x"');
});

test('json is one array of row objects; ndjson one object per line; ids stay strings', async () => {
  const json = await render('json');
  assert.deepEqual(JSON.parse(json), [
    { Id: '17841950324177174', Likes: 5, At: '2026-05-19T23:27:28.000Z', Meta: { a: [1, 'x'] }, Ok: true },
    { Id: 'say "hi", then\nleave', Likes: null, At: null, Meta: null, Ok: false },
  ]);
  assert.equal(await render('json', columns, []), '[]\n');
  const lines = (await render('ndjson')).split('\n');
  assert.equal(lines.length, 3);
  assert.equal(lines[2], '');
  assert.deepEqual(JSON.parse(lines[0]!).Id, '17841950324177174');
  assert.equal(await render('ndjson', columns, []), '');
});

test('table: aligned columns, numbers right-aligned, NULL shown, control characters escaped, a row count', async () => {
  assert.equal(
    await render('table'),
    [
      'Id                    | Likes | At                       | Meta          | Ok',
      '----------------------+-------+--------------------------+---------------+------',
      '17841950324177174     |     5 | 2026-05-19T23:27:28.000Z | {"a":[1,"x"]} | true',
      'say "hi", then\\nleave |  NULL | NULL                     | NULL          | false',
      '(2 rows)',
      '',
    ].join('\n'),
  );
  assert.equal(await render('table', [{ name: 'N', type: 'Integer' }], []), 'N\n-\n(0 rows)\n');
});

test('a sensitive column is masked in every format unless showSecrets', async () => {
  const cols: ResultColumn[] = [{ name: 'OAuthAccessToken', type: 'String', sensitive: true }, { name: 'ExpiresIn', type: 'Integer' }];
  const secret = 'EAABsbCS1iHgBAKZCZBhZAXrZCvv6nLZBSecretTokenValue';
  const data: Row[] = [{ OAuthAccessToken: secret, ExpiresIn: 5183999 }, { OAuthAccessToken: 'short', ExpiresIn: null }];
  for (const format of ['csv', 'json', 'ndjson', 'table'] as const) {
    const masked = await render(format, cols, data);
    assert.ok(!masked.includes(secret) && !masked.includes('short'), `${format} leaks a secret`);
    assert.match(masked, /EAAB…\(masked\)/);
    assert.ok((await render(format, cols, data, true)).includes(secret), `${format} --show-secrets`);
  }
});

test('a table buffers only its first batch: later rows keep the widths', async () => {
  const many: Row[] = Array.from({ length: 600 }, (_, i) => ({ N: i === 599 ? 'a-much-longer-value' : 'x' }));
  const lines = (await render('table', [{ name: 'N', type: 'String' }], many)).split('\n');
  assert.equal(lines[1], '-');
  assert.equal(lines[601], 'a-much-longer-value');
  assert.equal(lines[602], '(600 rows)');
});

test('csv: an empty result still has its header; a query failing before its first row leaves no header-only output', async () => {
  assert.equal(await render('csv', columns, []), 'Id,Likes,At,Meta,Ok\r\n');
  const failing: ResultSource = {
    columns,
    async *[Symbol.asyncIterator]() {
      throw new Error('the first page failed');
    },
  };
  let out = '';
  await assert.rejects(writeResult(failing, (t) => void (out += t), { format: 'csv', showSecrets: false }), /first page failed/);
  assert.equal(out, '');
});

test('a column named __proto__ is written like any other in json and ndjson', async () => {
  const cols: ResultColumn[] = [{ name: '__proto__', type: 'String' }, { name: 'b', type: 'Integer' }];
  const data: Row[] = [Object.fromEntries([['__proto__', 'x'], ['b', 1]]) as Row];
  assert.equal(await render('json', cols, data), '[\n  {"__proto__":"x","b":1}\n]\n');
  assert.equal(await render('ndjson', cols, data), '{"__proto__":"x","b":1}\n');
});
