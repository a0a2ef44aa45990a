import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { graphJson, graphJsonBytes, JsonTextMember } from '../../../../src/sandbox/http/graph-json.js';
import { reply } from '../../../../src/sandbox/http/reply.js';

test('JSON bodies are written as the Graph API writes them: ASCII only, \\uXXXX escapes, \\/ for /', () => {
  const value = { name: 'Café ❤️ 😀', category: '网站', next: 'https://graph.facebook.com/v25.0/1/media?after=x', n: 17, ok: true };
  const text = graphJson(value);
  assert.equal(
    text,
    '{"name":"Caf\\u00e9 \\u2764\\ufe0f \\ud83d\\ude00","category":"\\u7f51\\u7ad9","next":"https:\\/\\/graph.facebook.com\\/v25.0\\/1\\/media?after=x","n":17,"ok":true}',
  );
  assert.deepEqual(JSON.parse(text), value);
  assert.deepEqual(reply.json(value).body, Buffer.from(text, 'latin1')); // answers are sent as their bytes
});

test('any JSON value keeps its value and comes out ASCII only', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      const text = graphJson(value);
      assert.doesNotMatch(text, /[^\x00-\x7f]/);
      assert.doesNotMatch(text, /(?<!\\)\//);
      assert.equal(JSON.stringify(JSON.parse(text)), JSON.stringify(value));
    }),
    { numRuns: 500 },
  );
});

test('the escaping matches the plain definition (every / and non-ASCII unit) byte for byte, lone surrogates too', () => {
  const plain = (value: unknown): string =>
    JSON.stringify(value).replace(/[/\u0080-\uffff]/g, (c) => (c === '/' ? '\\/' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('\ud800', 'a\udfff/b', 'ÿ/é'));
  fc.assert(
    fc.property(fc.array(text, { maxLength: 8 }), (texts) => {
      assert.equal(graphJson(texts), plain(texts));
    }),
    { numRuns: 1000 },
  );
});

test('answers written member by member are the plain definition of the whole value, byte for byte', () => {
  const plain = (value: unknown): string =>
    JSON.stringify(value).replace(/[/\u0080-\uffff]/g, (c) => (c === '/' ? '\\/' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('\ud800', 'a\udfff/b', 'ÿ/é', 'https://x/y'));
  const leaf = fc.oneof(text, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true }));
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 5 }),
    object: fc.dictionary(text, tie('value'), { maxKeys: 5 }),
  }));
  // Graph pages too: `{data: [...]}` of up to 100 items with or without a nested edge take two paths
  const item = fc.dictionary(text, fc.oneof(leaf, fc.record({ data: fc.array(value, { maxLength: 3 }) })), { maxKeys: 4 });
  const graphPage = fc.record({ data: fc.array(item, { maxLength: 101 }), paging: fc.constant({ next: 'https://g/v25.0/1/media?after=Q' }) }, { requiredKeys: ['data'] });
  fc.assert(
    fc.property(fc.oneof(value, graphPage), (v) => {
      if (v === undefined) return;
      assert.equal(graphJson(v), plain(v));
      assert.deepEqual(graphJsonBytes(v), Buffer.from(plain(v), 'latin1'));
    }),
    { numRuns: 2000 },
  );
  // an answer as big as a W7 page, its first members past the reused buffer's first size
  const page = { data: Array.from({ length: 3000 }, (_, i) => ({ id: String(i), text: `Café ${'x'.repeat(i % 50)} 😀/`, gone: undefined })), paging: { next: 'https://g/v25.0/1/media?after=Q' } };
  assert.equal(graphJson(page), plain(page));
  assert.deepEqual(graphJsonBytes(page), Buffer.from(plain(page), 'latin1'));
  assert.equal(graphJson([undefined, () => 1]), '[null,null]');
});

test('a JSON answer written as a batch item\'s body from its bytes is the body written as a string, byte for byte', () => {
  const asString = (bytes: Buffer) => [{ code: 200, body: bytes.toString('latin1') }, null];
  const asBytes = (bytes: Buffer) => [{ code: 200, body: new JsonTextMember(bytes) }, null];
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      const bytes = graphJsonBytes(value);
      assert.equal(graphJson(asBytes(bytes)), graphJson(asString(bytes)));
      assert.deepEqual(graphJsonBytes(asBytes(bytes)), graphJsonBytes(asString(bytes)));
      assert.deepEqual(JSON.parse(JSON.parse(graphJson(asBytes(bytes)))[0].body), JSON.parse(JSON.stringify(value)));
    }),
    { numRuns: 500 },
  );
  // bytes a JSON answer never holds (controls, non-ASCII) are written the string's way
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 40 }), (raw) => {
      const bytes = Buffer.from(raw);
      assert.deepEqual(graphJsonBytes(asBytes(bytes)), graphJsonBytes(asString(bytes)));
    }),
    { numRuns: 500 },
  );
});
