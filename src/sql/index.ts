/**
 * The SQL engine, for the connection: parse + plan once (`prepare`), run many times (`execute`),
 * or show the plan (`explain`). See engine.ts and docs/sql.md.
 */
export { execute, explain, prepare, queryAll, uniqueNames } from './engine.js';
export type { ExecuteOptions, Params, PreparedStatement, ResultSet } from './engine.js';
export type { ParameterInfo } from './ast.js';
