import { readFileSync } from 'node:fs';

/** igsql's version, from package.json (two levels up from both src/cli and dist/cli). */
export function igsqlVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
