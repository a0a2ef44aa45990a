/**
 * igsql: query the Instagram Graph API with SQL.
 *
 * The public API only. Everything else is internal and may change.
 */
export { IgsqlError, GraphApiError } from './errors.js';
export type { ErrorCode, GraphErrorEnvelope } from './errors.js';
export type { ColumnType, SqlValue, Row, ResultColumn, JsonValue } from './schema/types.js';
export {
  parseConnectionString,
  buildConnectionString,
  resolveConnectionProperties,
  ConnectionSettings,
  ParsedConnectionString,
  safeConnectionString,
  maskSecret,
  PROPERTIES as CONNECTION_PROPERTIES,
} from './connection-string/index.js';
export type {
  ConnectionProperties,
  ConnectionStringPair,
  PropertyCategory,
  PropertyDefinition,
  PropertyName,
} from './connection-string/index.js';
export { connect, Connection } from './connection.js';
export type { ConnectOptions, QueryResult, QueryStream, StreamOptions } from './connection.js';
export type { Params } from './sql/engine.js';
