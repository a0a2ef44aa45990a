import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseFields, serializeFields, type FieldSelection } from '../../../../src/sandbox/fields/parse-fields.js';
import { GraphError } from '../../../../src/sandbox/graph-error.js';

function strip(selection: readonly FieldSelection[]): unknown {
  return selection.map((f) => ({ name: f.name, key: f.key, params: f.params, children: f.children === undefined ? undefined : strip(f.children) }));
}

function syntaxError(text: string): string {
  try {
    parseFields(text);
  } catch (error) {
    assert.ok(error instanceof GraphError);
    assert.equal(error.spec.code, 2500);
    return error.message;
  }
  assert.fail(`expected a syntax error for ${text}`);
}

test('plain lists, nesting and modifiers', () => {
  const parsed = parseFields('id,caption,children{id,media_url},comments.limit(5).after(QVFIU=){text,replies.limit(2){text}}');
  assert.deepEqual(strip(parsed), [
    { name: 'id', key: 'id', params: {}, children: undefined },
    { name: 'caption', key: 'caption', params: {}, children: undefined },
    { name: 'children', key: 'children', params: {}, children: [
      { name: 'id', key: 'id', params: {}, children: undefined },
      { name: 'media_url', key: 'media_url', params: {}, children: undefined },
    ] },
    { name: 'comments', key: 'comments', params: { limit: '5', after: 'QVFIU=' }, children: [
      { name: 'text', key: 'text', params: {}, children: undefined },
      { name: 'replies', key: 'replies', params: { limit: '2' }, children: [{ name: 'text', key: 'text', params: {}, children: undefined }] },
    ] },
  ]);
});

test('aliases, edge parameters with commas, whitespace', () => {
  const parsed = parseFields(' username.as(handle) , business_discovery.username(bluebottle){followers_count,media{like_count}}, insights.metric(reach,likes).period(lifetime){values}');
  assert.equal(parsed[0]!.key, 'handle');
  assert.equal(parsed[0]!.name, 'username');
  assert.deepEqual(parsed[1]!.params, { username: 'bluebottle' });
  assert.deepEqual(parsed[2]!.params, { metric: 'reach,likes', period: 'lifetime' });
  assert.deepEqual(parseFields(''), []);
  assert.deepEqual(strip(parseFields('id,,name,')), strip(parseFields('id,name')));
});

test('syntax errors carry Meta-style messages and positions', () => {
  assert.match(syntaxError('id,media{caption'), /^Syntax error "Expected "}" instead of end of string\." at character 16: id,media\{caption$/);
  assert.match(syntaxError('id}'), /Expected end of string instead of "}"/);
  assert.match(syntaxError('media.limit'), /Expected "\(" instead of end of string/);
  assert.match(syntaxError('media.limit(5'), /Expected "\)" instead of end of string/);
  assert.match(syntaxError('id,caption,id'), /Field id specified more than once\. This is only possible before version 2\.1" at character 11/);
  assert.match(syntaxError('id name'), /Expected end of string instead of "n"/);
  assert.match(syntaxError('media{id name}'), /Expected "}" instead of "n"/);
  assert.match(syntaxError('id,-x'), /Expected field name instead of "-"/);
  assert.match(syntaxError('id.as(bad-alias)'), /Expected alias name/);
});

const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
const paramValue = fc.stringMatching(/^[A-Za-z0-9=+/_,.-]{0,12}$/);
const selection: fc.Memo<FieldSelection[]> = fc.memo((depth) =>
  fc.uniqueArray(
    fc.record({
      name,
      alias: fc.option(name, { nil: undefined }),
      params: fc.dictionary(name.filter((n) => n !== 'as' && n !== '__proto__'), paramValue, { maxKeys: 2 }),
      children: depth > 1 ? fc.option(selection(depth - 1), { nil: undefined }) : fc.constant(undefined),
    }).map((f): FieldSelection => ({ name: f.name, key: f.alias ?? f.name, params: { ...f.params }, children: f.children, position: 0 })),
    { minLength: 1, maxLength: 4, selector: (f) => f.key },
  ),
);

test('serializeFields and parseFields are inverse (property)', () => {
  fc.assert(fc.property(selection(3), (sel) => {
    assert.deepEqual(strip(parseFields(serializeFields(sel))), strip(sel));
  }), { numRuns: 300 });
});

test('arbitrary text either parses or fails with a 2500 syntax error, never anything else (property)', () => {
  fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '_', ',', '.', '(', ')', '{', '}', ' ', '1') , maxLength: 30 }), (text) => {
    try {
      parseFields(text);
    } catch (error) {
      assert.ok(error instanceof GraphError && error.spec.code === 2500, String(error));
    }
  }), { numRuns: 500 });
});
