/** The sandbox the spawned-CLI tests compare against: the same seed and size as `igsql --sandbox`. */
import assert from 'node:assert/strict';
import { connect } from '../../src/connection.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';

export interface PageRow {
  Id: string;
  Name: string;
  InstagramBusinessAccountId: string | null;
}

export interface CliSandbox {
  readonly sandbox: Sandbox;
  /** A connection string to it (`-c` or IGSQL_CONNECTION). */
  readonly cs: string;
  /** Its pages, read through the library: what the CLI must print. */
  readonly pages: PageRow[];
}

export async function startCliSandbox(): Promise<CliSandbox> {
  const sandbox = await startSandbox({ size: 'small' });
  const cs = `BaseURL=${sandbox.url};OAuthAccessToken=${sandbox.tokens.longLivedUser}`;
  const conn = await connect(cs);
  const pages = (await conn.query('SELECT Id, Name, InstagramBusinessAccountId FROM Page')).rows as unknown as PageRow[];
  await conn.close();
  assert.ok(pages.filter((p) => p.InstagramBusinessAccountId !== null).length >= 2);
  return { sandbox, cs, pages };
}
