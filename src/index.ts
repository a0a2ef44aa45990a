/**
 * igsql: query the Instagram Graph API with SQL.
 *
 * The public API only. Everything else is internal and may change.
 */
export { IgsqlError, GraphApiError } from './errors.js';
export type { ErrorCode, GraphErrorEnvelope } from './errors.js';
export type { ColumnType, SqlValue, Row, ResultColumn, JsonValue } from './schema/types.js';
