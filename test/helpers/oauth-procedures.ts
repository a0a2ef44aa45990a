/**
 * Runs every OAuth stored procedure a connection's catalog has (GetOAuthAuthorizationURL,
 * GetOAuthAccessToken, RefreshOAuthAccessToken, GetPageAccessToken, GetTokenInfo … whichever
 * exist) against the sandbox, with arguments chosen by parameter name, and returns the secrets
 * they used or produced (the authorization code, tokens), so a log test can look for them.
 * The sandbox must run with `oauth: { autoApprove: true }` for the code flow.
 */
import type { Connection } from '../../src/index.js';
import type { Sandbox } from '../../src/sandbox/index.js';

export const OAUTH_PROCEDURES = ['GetOAuthAuthorizationURL', 'GetOAuthAccessToken', 'RefreshOAuthAccessToken', 'GetPageAccessToken', 'GetTokenInfo'] as const;
const CALLBACK = 'http://localhost:33333/callback';

interface ProcedureLike {
  name: string;
  parameters: ReadonlyArray<{ name: string; required: boolean }>;
  resultColumns: ReadonlyArray<{ name: string; sensitive?: boolean }>;
}

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The code the sandbox's (auto-approving) login dialog redirects with, for an authorization URL. */
async function codeFor(url: string): Promise<string | undefined> {
  const res = await fetch(url, { redirect: 'manual' });
  const location = res.headers.get('location');
  return location ? new URL(location).searchParams.get('code') ?? undefined : undefined;
}

/** Runs the procedures that exist; returns the secrets seen and the names run. */
export async function runOAuthProcedures(conn: Connection, sb: Sandbox, pageId?: string): Promise<{ secrets: string[]; ran: string[] }> {
  const procedures = (conn.catalog as unknown as { procedures: readonly ProcedureLike[] }).procedures;
  const byName = new Map(procedures.map((p) => [p.name.toLowerCase(), p]));
  const secrets: string[] = [];
  const ran: string[] = [];
  const values: Record<string, string> = {
    callbackurl: CALLBACK, state: 'state-0123456789', scope: 'instagram_basic,pages_show_list', authmode: 'WEB',
    oauthaccesstoken: sb.tokens.longLivedUser, oauthrefreshtoken: sb.tokens.longLivedUser, inputtoken: sb.tokens.longLivedUser,
    token: sb.tokens.longLivedUser, accesstoken: sb.tokens.longLivedUser, ...(pageId ? { page: pageId, pageid: pageId, authenticateaspage: pageId } : {}),
  };
  const exec = async (proc: ProcedureLike): Promise<Record<string, unknown> | undefined> => {
    const args: string[] = [];
    for (const p of proc.parameters) {
      const value = values[p.name.toLowerCase()];
      if (value !== undefined) args.push(`${p.name}=${sqlString(value)}`);
      else if (p.required) return undefined; // no value known for it: skip rather than guess
    }
    const { rows } = await conn.query(`EXEC ${proc.name}${args.length > 0 ? ` ${args.join(', ')}` : ''}`);
    ran.push(proc.name);
    for (const row of rows) {
      for (const column of proc.resultColumns) {
        const v = row[column.name];
        if (typeof v === 'string' && v.length >= 8 && (column.sensitive || /token|secret|code/i.test(column.name))) secrets.push(v);
      }
    }
    return rows[0];
  };
  for (const name of OAUTH_PROCEDURES) {
    const proc = byName.get(name.toLowerCase());
    if (!proc) continue;
    if (name === 'GetOAuthAccessToken') {
      const url = byName.get('getoauthauthorizationurl') ? values['authorizationurl'] : undefined;
      const code = url ? await codeFor(url) : undefined;
      if (!code) continue;
      values['verifier'] = values['code'] = code;
      secrets.push(code);
    }
    const row = await exec(proc);
    if (name === 'GetOAuthAuthorizationURL' && typeof row?.['URL'] === 'string') values['authorizationurl'] = row['URL'];
  }
  return { secrets, ran };
}
