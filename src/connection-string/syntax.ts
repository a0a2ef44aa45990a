/**
 * Small facts of the connection-string grammar shared by the parser and the builder.
 * White space is what String.prototype.trim removes (JS `\s`).
 */
export const JDBC_PREFIXES: readonly string[] = ['jdbc:instagram:', 'jdbc:cdata:instagram:'];

/** The JDBC prefix (as written) starting at `offset`, matched case-insensitively, or ''. */
export function jdbcPrefixAt(text: string, offset: number): string {
  for (const prefix of JDBC_PREFIXES) {
    const candidate = text.slice(offset, offset + prefix.length);
    if (candidate.toLowerCase() === prefix) return candidate;
  }
  return '';
}

const SPACE = /\s/;

/** The first offset at or after `offset` that is not white space (or text.length). */
export function skipSpace(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && SPACE.test(text[i]!)) i++;
  return i;
}
