/** Small helpers for tests that run SQL through connect() with extra connection properties. */
import { connect } from '../../src/index.js';

/** Opens a connection, runs `sql`, closes it, returns the rows. */
export async function queryRows(connectionString: string, sql: string): Promise<unknown[]> {
  const conn = await connect(connectionString);
  try {
    return (await conn.query(sql)).rows;
  } finally {
    await conn.close();
  }
}

/** Runs `fn` with these environment variables set or (undefined) removed, then restores them. */
export async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>): void => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(vars);
  try {
    return await fn();
  } finally {
    apply(saved);
  }
}

/** A connection-string value in double quotes (inner quotes doubled). */
export function quoted(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}
