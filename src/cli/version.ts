import { createRequire } from 'node:module';

/**
 * igsql's version, from its package.json, found by the package's own name (Node resolves a
 * package's name from inside it through its `exports`), so it is right from src/, dist/ and the
 * bundle alike, whatever the depth of the file.
 */
export function igsqlVersion(): string {
  return (createRequire(import.meta.url)('igsql/package.json') as { version: string }).version;
}
