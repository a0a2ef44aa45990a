/**
 * sys_sqlinfo: what igsql's SQL supports, as Name/Value rows (CData's shape). The function lists
 * must match src/sql/functions (a unit test checks it; schema does not import sql).
 */
import type { ViewDefinition } from '../define-view.js';
import { systemView } from './system-view.js';

export const SQL_INFO: readonly (readonly [name: string, value: string])[] = [
  ['DRIVER_NAME', 'igsql'],
  ['DATASOURCE_NAME', 'Instagram Graph API'],
  ['SQL_DIALECT', 'SELECT with joins, subqueries, GROUP BY, UNION; EXEC/CALL of stored procedures; EXPLAIN'],
  ['AGGREGATE_FUNCTIONS', 'AVG, COUNT, MAX, MIN, SUM, DISTINCT'],
  ['COUNT', 'YES'],
  ['IDENTIFIER_QUOTE_OPEN_CHAR', '['],
  ['IDENTIFIER_QUOTE_CLOSE_CHAR', ']'],
  ['IDENTIFIER_QUOTE_CHARS', '[] "" ``'],
  ['IDENTIFIER_CASE', 'INSENSITIVE'],
  ['STRING_QUOTE_CHAR', "'"],
  ['PARAMETER_MARKERS', '?, @name'],
  ['SUPPORTED_OPERATORS', '=, >, <, >=, <=, <>, !=, LIKE, NOT LIKE, IN, NOT IN, BETWEEN, NOT BETWEEN, IS NULL, IS NOT NULL, AND, OR, NOT, EXISTS, +, -, *, /, %, ||'],
  ['GROUP_BY', 'NO_RELATION'],
  ['OJ_CAPABILITIES', 'LEFT, RIGHT, FULL, INNER, NOT_ORDERED, ALL_COMPARISON_OPS'],
  ['OUTER_JOINS', 'YES'],
  ['SUBQUERIES', 'COMPARISON, EXISTS, IN, CORRELATED_SUBQUERIES'],
  ['UNION', 'UNION, UNION ALL'],
  ['LIMIT', 'LIMIT n [OFFSET m], LIMIT m, n, TOP n'],
  ['NULL_ORDERING', 'NULLS FIRST ascending, NULLS LAST descending (as SQLite); NULLS FIRST/LAST to choose'],
  ['STRING_FUNCTIONS',
    'CHARINDEX, CONCAT, CONCAT_WS, INSTR, LEFT, LENGTH, LEN, LOWER, LTRIM, REPEAT, REPLACE, REPLICATE, REVERSE, RIGHT, RTRIM, SUBSTRING, SUBSTR, TRIM, UPPER'],
  ['NUMERIC_FUNCTIONS', 'ABS, CEILING, CEIL, EXP, FLOOR, GREATEST, LEAST, LN, LOG, LOG10, MOD, PI, POWER, POW, ROUND, SIGN, SQRT'],
  ['TIMEDATE_FUNCTIONS',
    'CURRENT_DATE, CURRENT_TIMESTAMP, DATE, DATE_TRUNC, DATEADD, DATEDIFF, DATENAME, DATEPART, DAY, EXTRACT, GETDATE, GETUTCDATE, HOUR, MINUTE, MONTH, NOW, SECOND, STRFTIME, TIME, UNIXEPOCH, YEAR'],
  ['SYSTEM_FUNCTIONS', 'COALESCE, IFNULL, ISNULL, IIF, NULLIF, CAST, JSON_EXTRACT, JSON_ARRAY_LENGTH'],
  ['CAST_TYPES', 'STRING (TEXT, VARCHAR, CHAR), INTEGER (INT, BIGINT), DOUBLE (FLOAT, REAL, DECIMAL), BOOLEAN (BOOL, BIT), DATETIME (TIMESTAMP, DATE), JSON'],
  ['SUPPORTS_TRANSACTIONS', 'NO'],
  ['IS_READ_ONLY', 'YES'],
  ['MAX_ROWS', 'The MaxRows connection property caps queries without aggregates'],
];

export function sysSqlInfo(): ViewDefinition<unknown> {
  return systemView(
    'sys_sqlinfo',
    "What igsql's SQL dialect supports, as Name/Value pairs.",
    [
      ['Name', 'String', 'The capability.'],
      ['Value', 'String', 'Its value.'],
    ],
    "SELECT * FROM sys_sqlinfo WHERE Name = 'SUPPORTED_OPERATORS'",
    () => SQL_INFO.map(([Name, Value]) => ({ Name, Value })),
  );
}
