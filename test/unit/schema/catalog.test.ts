import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IgsqlError } from '../../../src/errors.js';
import { Catalog } from '../../../src/schema/catalog.js';
import { defineView, type ViewDefinition } from '../../../src/schema/define-view.js';
import { SQL_INFO } from '../../../src/schema/system/sys-sqlinfo.js';
import { FUNCTIONS } from '../../../src/sql/functions/index.js';
import { run, testCatalog } from '../sql/fixtures.js';

function view(name: string, extra: Partial<ViewDefinition<unknown>> = {}): ViewDefinition<unknown> {
  return {
    name, aliases: [], description: `${name} rows`, columns: [{ name: 'Id', type: 'String', description: 'id', key: true }], keyColumns: [],
    examples: [{ description: 'all', sql: `SELECT * FROM ${name}` }],
    async *list() {
      yield [];
    },
    ...extra,
  };
}

test('the catalog validates every definition and reports all problems together', () => {
  assert.throws(
    () => new Catalog({
      views: [
        view('Media', { aliases: ['IGMedia'] }),
        view('IGMedia'),
        view('Bad', { description: ' ', columns: [{ name: 'X', type: 'Text' as never, description: '' }] }),
        view('Comments', { columns: [{ name: 'MediaId', type: 'String', description: 'm', references: { view: 'Nope', column: 'Id' } }] }),
      ],
      procedures: [{
        name: 'P', description: 'p', parameters: [{ name: 'A', type: 'String', description: 'a', required: true, values: ['x'], default: 'y' }],
        resultColumns: [], examples: [], run: async () => [],
      }],
    }),
    (e: unknown) => {
      if (!IgsqlError.is(e) || e.code !== 'internal') return false;
      const problems = e.details['problems'] as string[];
      const expected = [/name IGMedia is used by both Media and IGMedia/, /view Bad: description is empty/, /column X has unknown type Text/, /column X has no description/,
        /references unknown view Nope/, /procedure P: parameter A: default y is not one of its values/, /procedure P: it has no result columns/];
      return expected.every((re) => problems.some((p) => re.test(p)));
    },
  );
});

test('names and aliases resolve case-insensitively; unknown names suggest the closest', () => {
  const catalog = testCatalog();
  assert.equal(catalog.view('igmedia').name, 'Media');
  assert.equal(catalog.view('INSTAGRAMBUSINESSPROFILE').name, 'Account');
  assert.equal(catalog.view('SYS_TABLES').name, 'sys_tables');
  assert.throws(() => catalog.view('Commments'), /Unknown view Commments\. Did you mean Comments\? SELECT TableName FROM sys_tables lists the views/);
  assert.throws(() => catalog.view('xyzzy'), (e: unknown) => IgsqlError.is(e) && e.code === 'sql-plan' && !/Did you mean/.test(e.message));
  assert.equal(catalog.procedure('echoback').name, 'Echo');
});

test('system tables describe the catalog and run SQL like any view', async () => {
  const catalog = testCatalog();
  const tables = await run(catalog, 'SELECT TableName, TableType, Aliases FROM sys_tables ORDER BY TableName');
  assert.deepEqual(tables.rows.map((r) => r['TableName']), ['Account', 'Comments', 'Media', 'MediaInsights']);
  assert.equal(tables.rows[2]!['Aliases'], 'IGMedia');
  const columns = await run(catalog, "SELECT ColumnName, DataTypeName, IsKey, IsHidden, PushdownOperators, FilterRequirement FROM sys_tablecolumns WHERE TableName = 'MediaInsights'");
  assert.deepEqual(columns.rows, [
    { ColumnName: 'MediaId', DataTypeName: 'String', IsKey: true, IsHidden: false, PushdownOperators: '=, in', FilterRequirement: 'required' },
    { ColumnName: 'Reach', DataTypeName: 'Integer', IsKey: false, IsHidden: false, PushdownOperators: null, FilterRequirement: null },
    { ColumnName: 'Views', DataTypeName: 'Integer', IsKey: false, IsHidden: false, PushdownOperators: null, FilterRequirement: null },
    { ColumnName: 'Period', DataTypeName: 'String', IsKey: false, IsHidden: true, PushdownOperators: '=', FilterRequirement: 'optional' },
  ]);
  const keys = await run(catalog, "SELECT ColumnName, IsKey, IsForeignKey, ReferencedTableName FROM sys_keycolumns WHERE TableName = 'Comments'");
  assert.deepEqual(keys.rows, [
    { ColumnName: 'Id', IsKey: true, IsForeignKey: false, ReferencedTableName: null },
    { ColumnName: 'MediaId', IsKey: false, IsForeignKey: true, ReferencedTableName: 'Media' },
  ]);
  const procs = await run(catalog, 'SELECT ProcedureName FROM sys_procedures');
  assert.deepEqual(procs.rows, [{ ProcedureName: 'Echo' }]);
  const params = await run(catalog, "SELECT ColumnName, Direction, IsRequired, \"Values\", \"Default\" FROM sys_procedureparameters WHERE ProcedureName = 'Echo' AND Direction = 'Input'");
  assert.deepEqual(params.rows, [
    { ColumnName: 'Text', Direction: 'Input', IsRequired: true, Values: null, Default: null },
    { ColumnName: 'Count', Direction: 'Input', IsRequired: false, Values: null, Default: '5' },
    { ColumnName: 'Mode', Direction: 'Input', IsRequired: false, Values: 'fast, slow', Default: null },
  ]);
  const info = await run(catalog, "SELECT Value FROM sys_sqlinfo WHERE Name = 'IDENTIFIER_QUOTE_OPEN_CHAR'");
  assert.deepEqual(info.rows, [{ Value: '[' }]);
  const joined = await run(catalog, "SELECT t.TableName, COUNT(*) AS n FROM sys_tables t JOIN sys_tablecolumns c ON c.TableName = t.TableName GROUP BY t.TableName HAVING COUNT(*) > 4 ORDER BY n DESC");
  assert.deepEqual(joined.rows, [{ TableName: 'Media', n: 8 }, { TableName: 'Comments', n: 5 }]);
});

test('sys_sqlinfo lists exactly the functions the engine has', () => {
  const listed = (name: string): Set<string> => new Set(SQL_INFO.find(([n]) => n === name)![1].split(', '));
  const byCategory = (category: string): Set<string> =>
    new Set(FUNCTIONS.filter((f) => f.category === category).flatMap((f) => [f.name, ...(f.aliases ?? [])]));
  for (const name of byCategory('string')) if (!['UCASE', 'LCASE', 'CHAR_LENGTH', 'CHARACTER_LENGTH'].includes(name)) assert.ok(listed('STRING_FUNCTIONS').has(name), name);
  for (const name of listed('STRING_FUNCTIONS')) assert.ok(byCategory('string').has(name), name);
  for (const name of listed('NUMERIC_FUNCTIONS')) assert.ok(byCategory('math').has(name), name);
  for (const name of byCategory('math')) assert.ok(listed('NUMERIC_FUNCTIONS').has(name), name);
  for (const name of listed('TIMEDATE_FUNCTIONS')) assert.ok(byCategory('date').has(name) || name === 'EXTRACT', name);
});

test('more system tables can be registered (sys_connection_props comes from the property catalog)', async () => {
  const props = (): ViewDefinition<unknown> =>
    defineView({
      name: 'sys_connection_props', aliases: [], description: 'Connection properties.',
      columns: [{ name: 'Name', type: 'String', description: 'n' }, { name: 'Value', type: 'String', description: 'v' }],
      keyColumns: [], examples: [{ description: 'all', sql: 'SELECT * FROM sys_connection_props' }],
      async *list() {
        yield [{ Name: 'Timeout', Value: '60' }];
      },
    });
  const catalog = new Catalog({ views: [view('Media')], systemViews: [props] });
  assert.deepEqual((await run(catalog, 'SELECT * FROM sys_connection_props')).rows, [{ Name: 'Timeout', Value: '60' }]);
  assert.deepEqual((await run(catalog, 'SELECT TableName FROM sys_tables')).rows, [{ TableName: 'Media' }]);
});
