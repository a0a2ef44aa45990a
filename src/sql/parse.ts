/**
 * SQL text → our AST (ast.ts). SELECT and UNION go through node-sql-parser (MySQL grammar, the one
 * that accepts most of our dialect) after a token rewrite (parse-rewrite.ts); EXEC / EXECUTE / CALL
 * are parsed here from our own tokens; EXPLAIN wraps a query. Syntax errors are `sql-parse` errors
 * with line, column and an excerpt; valid SQL we do not implement is an `unsupported` error naming
 * the construct. Parameter values are never part of the text: `?` and `@name` stay Param nodes.
 */
import { createRequire } from 'node:module';
import type * as NodeSqlParser from 'node-sql-parser/build/mysql.js';
import { IgsqlError } from '../errors.js';
import type { Exec, ExecArg, Expr, ParsedStatement, ParameterInfo, Query, Statement } from './ast.js';
import { isWord, syntaxError, tokenize, type Token } from './lex.js';
import { createConverter } from './parse-convert.js';
import { isNode, numberLiteral } from './parse-convert-expr.js';
import { rewriteForParser, unsupported } from './parse-rewrite.js';
import { isReserved } from './print.js';

// require(), not import: node-sql-parser is CommonJS, and importing it makes Node also scan its
// 276 kB for ES syntax and for named exports: 61 ms instead of 21 ms, paid by every process's
// first query and every CLI command.
const { Parser } = createRequire(import.meta.url)('node-sql-parser/build/mysql.js') as typeof NodeSqlParser;
const parser = new Parser();

const READ_ONLY = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'REPLACE', 'UPSERT', 'TRUNCATE']);
const DDL = new Set(['CREATE', 'DROP', 'ALTER', 'GRANT', 'REVOKE', 'BEGIN', 'COMMIT', 'ROLLBACK', 'SET', 'USE', 'DECLARE', 'CACHE', 'SHOW', 'DESCRIBE', 'PRAGMA']);

export function parseSql(sql: string): ParsedStatement {
  let tokens = tokenize(sql);
  while (tokens.at(-1)?.text === ';' && tokens.at(-1)?.type === 'op') tokens = tokens.slice(0, -1);
  const first = tokens[0];
  if (first === undefined) throw new IgsqlError('sql-parse', 'the SQL statement is empty; write a SELECT, EXPLAIN or EXEC statement');
  const word = first.type === 'word' ? first.text.toUpperCase() : '';
  let statement: Statement;
  let paramTokens: readonly Token[] = tokens;
  if (word === 'EXPLAIN') {
    let skip = 1;
    if (isWord(tokens[1], 'QUERY') && isWord(tokens[2], 'PLAN')) skip = 3;
    statement = { kind: 'Explain', query: parseQuery(sql, tokens.slice(skip), first.end) };
  } else if (word === 'EXEC' || word === 'EXECUTE' || word === 'CALL') {
    statement = parseExec(sql, tokens);
    // `@Name =` names a procedure parameter, not a statement parameter
    paramTokens = tokens.filter((t, i) => !(t.type === 'param' && tokens[i + 1]?.text === '=' && t.value !== undefined));
  } else if (word === 'SELECT' || first.text === '(') {
    statement = parseQuery(sql, tokens, 0);
  } else if (READ_ONLY.has(word)) {
    throw unsupported(sql, first.start, `${word}: igsql's views are read-only for now (writes come later as stored procedures)`);
  } else if (word === 'WITH') {
    throw unsupported(sql, first.start, 'WITH (common table expressions); use a subquery in FROM instead');
  } else if (DDL.has(word)) {
    throw unsupported(sql, first.start, `${word} statements`);
  } else {
    throw syntaxError(sql, first.start, `expected SELECT, EXPLAIN, EXEC, EXECUTE or CALL, found "${first.text}"`);
  }
  return { sql, statement, parameters: parameterInfo(sql, paramTokens) };
}

function parameterInfo(sql: string, tokens: readonly Token[]): ParameterInfo {
  let positional = 0;
  const named: string[] = [];
  const seen = new Set<string>();
  let firstNamed: Token | undefined;
  let firstPositional: Token | undefined;
  for (const t of tokens) {
    if (t.type !== 'param') continue;
    if (t.value === undefined) {
      positional++;
      firstPositional ??= t;
    } else {
      firstNamed ??= t;
      if (!seen.has(t.value.toLowerCase())) {
        seen.add(t.value.toLowerCase());
        named.push(t.value);
      }
    }
  }
  if (firstNamed && firstPositional) {
    const later = firstNamed.start > firstPositional.start ? firstNamed : firstPositional;
    throw syntaxError(sql, later.start, 'use either ? or @name parameters in one statement, not both');
  }
  return { positional, named };
}

function parseQuery(sql: string, tokens: readonly Token[], emptyOffset: number): Query {
  const first = tokens[0];
  if (first === undefined) throw syntaxError(sql, emptyOffset, 'expected a SELECT statement');
  if (!isWord(first, 'SELECT') && first.text !== '(') {
    throw syntaxError(sql, first.start, `expected SELECT, found "${first.text}"`);
  }
  const rw = rewriteForParser(sql, tokens);
  let ast: unknown;
  try {
    ast = parser.astify(rw.text, { database: 'mysql', parseOptions: { includeLocations: true } });
  } catch (error) {
    throw translateParserError(sql, rw.text, rw.toOriginal, tokens, error);
  }
  if (Array.isArray(ast)) {
    if (ast.length !== 1) throw unsupported(sql, first.start, 'more than one statement');
    ast = ast[0];
  }
  if (!isNode(ast)) throw new IgsqlError('internal', 'the SQL parser returned nothing');
  return createConverter(sql, rw, tokens).convertQuery(ast);
}

function translateParserError(
  sql: string,
  text: string,
  toOriginal: (offset: number) => number,
  tokens: readonly Token[],
  error: unknown,
): IgsqlError {
  if (IgsqlError.is(error)) return error;
  const location = (error as { location?: { start?: { offset?: number } } }).location;
  const offset = location?.start?.offset;
  if (typeof offset !== 'number') {
    return new IgsqlError('sql-parse', `SQL syntax error: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (offset >= text.length) {
    return syntaxError(sql, sql.trimEnd().length, 'unexpected end of the statement');
  }
  const original = toOriginal(offset);
  const index = tokens.findIndex((t) => t.start <= original && original < t.end);
  const token = tokens[index];
  const found = token ? `"${token.text.length > 30 ? `${token.text.slice(0, 30)}…` : token.text}"` : 'this';
  const previous = tokens[index - 1];
  const suspect = token?.type === 'word' ? token : previous?.type === 'word' && isReserved(previous.text) ? previous : undefined;
  const reserved = suspect ? ` (if ${suspect.text} is a column or view name, quote it: [${suspect.text}])` : '';
  return syntaxError(sql, token?.start ?? original, `unexpected ${found}${reserved}`);
}

/** `EXEC Proc @A = 'x', @B = ?` · `EXEC Proc A = 'x'` · `EXEC Proc 'x', 'y'` · `CALL Proc('x', B = ?)`. */
function parseExec(sql: string, tokens: readonly Token[]): Exec {
  const keyword = tokens[0]!;
  const nameToken = tokens[1];
  if (nameToken === undefined || (nameToken.type !== 'word' && nameToken.type !== 'quoted')) {
    throw syntaxError(sql, nameToken?.start ?? keyword.end, `${keyword.text.toUpperCase()} needs a procedure name`);
  }
  let i = 2;
  let end = tokens.length;
  const parenthesized = tokens[i]?.text === '(';
  if (parenthesized) {
    if (tokens.at(-1)?.text !== ')') throw syntaxError(sql, tokens.at(-1)!.end, 'expected ) to close the argument list');
    i++;
    end--;
  } else if (isWord(keyword, 'CALL') && i < tokens.length) {
    throw syntaxError(sql, tokens[i]!.start, 'CALL takes its arguments in parentheses: CALL Proc(...)');
  }
  const args: ExecArg[] = [];
  let positionalIndex = 0;
  while (i < end) {
    let name: string | undefined;
    const t = tokens[i]!;
    if ((t.type === 'param' || t.type === 'word' || t.type === 'quoted') && t.value !== undefined && tokens[i + 1]?.text === '=') {
      name = t.value;
      i += 2;
    }
    const { expr, next } = parseExecValue(sql, tokens, i, end, () => positionalIndex++);
    args.push({ name, value: expr });
    i = next;
    if (i < end) {
      if (tokens[i]!.text !== ',') throw syntaxError(sql, tokens[i]!.start, `expected , between arguments, found "${tokens[i]!.text}"`);
      i++;
      if (i >= end) throw syntaxError(sql, tokens[i - 1]!.start, 'expected an argument after ,');
    }
  }
  return { kind: 'Exec', procedure: nameToken.value!, args, span: { start: nameToken.start, end: nameToken.end } };
}

function parseExecValue(sql: string, tokens: readonly Token[], i: number, end: number, nextPositional: () => number): { expr: Expr; next: number } {
  const t = tokens[i];
  if (t === undefined || i >= end) throw syntaxError(sql, tokens[i - 1]?.end ?? sql.length, 'expected a value');
  if (t.type === 'string') return { expr: { kind: 'Literal', value: t.value!, type: 'String' }, next: i + 1 };
  if (t.type === 'number') return { expr: numberLiteral(t.text), next: i + 1 };
  if ((t.text === '-' || t.text === '+') && tokens[i + 1]?.type === 'number') {
    const lit = numberLiteral(tokens[i + 1]!.text);
    const value = t.text === '-' && lit.kind === 'Literal' ? -(lit.value as number) : (lit as { value: number }).value;
    return { expr: { kind: 'Literal', value, type: lit.kind === 'Literal' ? lit.type : 'Double' }, next: i + 2 };
  }
  if (t.type === 'param') {
    return { expr: t.value === undefined ? { kind: 'Param', name: undefined, index: nextPositional() } : { kind: 'Param', name: t.value, index: -1 }, next: i + 1 };
  }
  if (isWord(t, 'NULL')) return { expr: { kind: 'Literal', value: null, type: 'Null' }, next: i + 1 };
  if (isWord(t, 'TRUE') || isWord(t, 'FALSE')) return { expr: { kind: 'Literal', value: isWord(t, 'TRUE'), type: 'Boolean' }, next: i + 1 };
  throw syntaxError(sql, t.start, `a procedure argument must be a literal ('text', 42, TRUE, NULL) or a parameter (?, @name), found "${t.text}"`);
}
