/** The stored procedures of a connection (EXEC / CALL), listed in sys_procedures and docs/procedures.md. */
import type { ProcedureDefinition } from './define-procedure.js';
import { GET_OAUTH_ACCESS_TOKEN } from './get-oauth-access-token.js';
import { GET_OAUTH_AUTHORIZATION_URL } from './get-oauth-authorization-url.js';
import { GET_PAGE_ACCESS_TOKEN } from './get-page-access-token.js';
import { GET_TOKEN_INFO } from './get-token-info.js';
import type { ProcedureApi } from './procedure-api.js';
import { REFRESH_OAUTH_ACCESS_TOKEN } from './refresh-oauth-access-token.js';

export type { ProcedureApi, ProcedureAuth } from './procedure-api.js';

export const OAUTH_PROCEDURES: readonly ProcedureDefinition<ProcedureApi>[] = [
  GET_OAUTH_AUTHORIZATION_URL,
  GET_OAUTH_ACCESS_TOKEN,
  REFRESH_OAUTH_ACCESS_TOKEN,
  GET_PAGE_ACCESS_TOKEN,
  GET_TOKEN_INFO,
];
