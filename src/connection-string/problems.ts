import { IgsqlError } from '../errors.js';
import type { SourcePosition } from '../errors.js';

/**
 * One thing wrong with a connection string. Parsing and resolution collect every problem of a
 * string and report them together in one IgsqlError (`details.problems`). A problem's message
 * never contains the value of a sensitive property.
 */
export interface ConnectionStringProblem {
  /** One phrase, position included, e.g. "Timeout='abc' at character 9: expected a whole number ...". */
  readonly message: string;
  /** `unsupported` for a CData feature igsql refuses; `config` for everything else. */
  readonly kind: 'config' | 'unsupported';
  /** The canonical property name (or the key as written, when unknown), if the problem is about one. */
  readonly property?: string;
  /** Where in the text. */
  readonly position: SourcePosition;
}

/** "character 12" on a one-line string, "line 2, column 3" beyond the first line (1-based). */
export function describePosition(position: SourcePosition): string {
  return position.line === 1 ? `character ${position.column}` : `line ${position.line}, column ${position.column}`;
}

/** What to say about text that may be a piece of the value of the secret `key`. */
export function followsSecretHint(key: string): string {
  return `; it may be part of the value of ${key}: if that value contains ';', '=' or quotes, enclose it in quotes and write a quote inside it twice`;
}

/** Shortens text echoed in a message. */
export function excerpt(text: string, max = 40): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * The error for a list of problems, in the order of their positions: code `unsupported` when all of them are, else `config`.
 * One line: "Invalid connection string: <problem>" or "... (2 problems): 1) ...; 2) ...".
 */
export function problemsError(unordered: readonly ConnectionStringProblem[]): IgsqlError {
  const problems = [...unordered].sort((a, b) => a.position.offset - b.position.offset);
  const code = problems.every((p) => p.kind === 'unsupported') ? 'unsupported' : 'config';
  const message =
    problems.length === 1
      ? `Invalid connection string: ${problems[0]!.message}`
      : `Invalid connection string (${problems.length} problems): ${problems.map((p, i) => `${i + 1}) ${p.message}`).join('; ')}`;
  return new IgsqlError(code, message, {
    details: { problems: problems.map((p) => ({ ...p })) },
  });
}
