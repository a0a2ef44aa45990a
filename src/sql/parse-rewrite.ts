/**
 * Rewrites our SQL dialect, token by token, into text that node-sql-parser's MySQL grammar accepts,
 * and keeps a map back to the original offsets. The library never sees a literal or a parameter:
 * strings become `'__igsql_sN'`, numbers `:__igsql_nN`, `?` `:__igsql_qN` and `@name` `:__igsql_a_name`,
 * and the converter (parse-convert.ts) maps them back to the original values. Other rewrites:
 * - `"x"` and `[x]` identifiers become `` `x` ``;
 * - `a || b` (concatenation) becomes `a ^ b` (same precedence as SQLite's `||`; `^` itself is rejected);
 * - `TOP n` becomes a first select item `__igsql_top(n)`;
 * - `NULLS FIRST|LAST` becomes an extra order item `__igsql_nulls_first()` / `__igsql_nulls_last()`;
 * - a CAST target type becomes the MySQL type of its igsql type (CHAR, SIGNED, DOUBLE, BOOLEAN, DATETIME, JSON).
 */
import { IgsqlError, positionOf } from '../errors.js';
import type { ColumnType } from '../schema/types.js';
import { excerpt, isWord, syntaxError, type Token } from './lex.js';

interface Piece {
  readonly out: number;
  readonly outEnd: number;
  readonly orig: number;
  readonly origEnd: number;
}

export interface Rewritten {
  readonly text: string;
  readonly strings: readonly string[];
  readonly numbers: readonly string[];
  /** Original offset of each `?`, in order. */
  readonly positional: readonly number[];
  /** `@name` parameters as written, with the offset of each use. */
  readonly named: readonly { readonly name: string; readonly offset: number }[];
  /** Maps an offset in `text` back to the original SQL. */
  toOriginal(offset: number): number;
  /** Maps an exclusive end offset in `text` back to the original SQL. */
  toOriginalEnd(offset: number): number;
}

/** Type names accepted by CAST, upper case, and the igsql type each means. */
export const CAST_TYPES: Readonly<Record<string, ColumnType>> = {
  STRING: 'String', TEXT: 'String', VARCHAR: 'String', NVARCHAR: 'String', CHAR: 'String', NCHAR: 'String',
  CHARACTER: 'String', CLOB: 'String',
  INTEGER: 'Integer', INT: 'Integer', BIGINT: 'Integer', SMALLINT: 'Integer', TINYINT: 'Integer', SIGNED: 'Integer', LONG: 'Integer',
  DOUBLE: 'Double', FLOAT: 'Double', REAL: 'Double', DECIMAL: 'Double', NUMERIC: 'Double', NUMBER: 'Double',
  BOOLEAN: 'Boolean', BOOL: 'Boolean', BIT: 'Boolean',
  DATETIME: 'Datetime', TIMESTAMP: 'Datetime', DATE: 'Datetime', DATETIME2: 'Datetime',
  JSON: 'Json',
};

const MYSQL_TYPE: Readonly<Record<ColumnType, string>> = {
  String: 'CHAR', Integer: 'SIGNED', Double: 'DOUBLE', Boolean: 'BOOLEAN', Datetime: 'DATETIME', Json: 'JSON',
};
export const TYPE_OF_MYSQL: Readonly<Record<string, ColumnType>> = {
  CHAR: 'String', SIGNED: 'Integer', DOUBLE: 'Double', BOOLEAN: 'Boolean', DATETIME: 'Datetime', JSON: 'Json',
};

const UNSUPPORTED_WORDS: Readonly<Record<string, string>> = {
  INTO: 'SELECT ... INTO',
  INTERSECT: 'INTERSECT',
  EXCEPT: 'EXCEPT',
  MINUS: 'MINUS',
  NATURAL: 'NATURAL JOIN',
  LATERAL: 'LATERAL',
  APPLY: 'CROSS/OUTER APPLY',
  PIVOT: 'PIVOT',
  UNPIVOT: 'UNPIVOT',
  ROLLUP: 'GROUP BY ... WITH ROLLUP',
  INTERVAL: 'INTERVAL literals (use DATEADD(unit, n, date))',
  REGEXP: 'REGEXP',
  RLIKE: 'RLIKE',
  GLOB: 'GLOB',
  COLLATE: 'COLLATE',
};

export function rewriteForParser(sql: string, tokens: readonly Token[]): Rewritten {
  let text = '';
  const pieces: Piece[] = [];
  const strings: string[] = [];
  const numbers: string[] = [];
  const positional: number[] = [];
  const named: { name: string; offset: number }[] = [];
  const emit = (out: string, orig: number, origEnd: number): void => {
    if (text.length > 0) text += ' ';
    pieces.push({ out: text.length, outEnd: text.length + out.length, orig, origEnd });
    text += out;
  };
  let depth = 0;
  const castDepths: number[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const upper = t.type === 'word' ? t.text.toUpperCase() : '';
    if (t.type === 'string') {
      emit(`'__igsql_s${strings.length}'`, t.start, t.end);
      strings.push(t.value!);
    } else if (t.type === 'number') {
      emit(`:__igsql_n${numbers.length}`, t.start, t.end);
      numbers.push(t.text);
    } else if (t.type === 'param') {
      if (t.value === undefined) {
        emit(`:__igsql_q${positional.length}`, t.start, t.end);
        positional.push(t.start);
      } else {
        emit(`:__igsql_a_${t.value}`, t.start, t.end);
        named.push({ name: t.value, offset: t.start });
      }
    } else if (t.type === 'quoted') {
      if (t.value === '') throw syntaxError(sql, t.start, 'empty quoted identifier');
      if (t.value!.includes('`')) throw unsupported(sql, t.start, 'a ` inside a quoted identifier');
      emit('`' + t.value! + '`', t.start, t.end);
    } else if (t.type === 'op') {
      if (t.text === '(') {
        depth++;
        emit('(', t.start, t.end);
      } else if (t.text === ')') {
        if (castDepths.at(-1) === depth) castDepths.pop();
        depth--;
        emit(')', t.start, t.end);
      } else if (t.text === '||') {
        emit('^', t.start, t.end);
      } else if (t.text === '==') {
        emit('=', t.start, t.end);
      } else if (t.text === ';') {
        throw unsupported(sql, t.start, 'more than one statement (send one statement at a time)');
      } else if (['^', '&', '|', '~', '<<', '>>', '::', '->', '{', '}', '!'].includes(t.text)) {
        throw unsupported(sql, t.start, `the operator ${t.text}`);
      } else {
        emit(t.text, t.start, t.end);
      }
    } else if (upper === 'TOP' && isTopPosition(tokens, i)) {
      i = rewriteTop(sql, tokens, i, emit, (inner) => {
        for (const tok of inner) {
          if (tok.type === 'number') {
            emit(`:__igsql_n${numbers.length}`, tok.start, tok.end);
            numbers.push(tok.text);
          } else if (tok.type === 'param') {
            if (tok.value === undefined) {
              emit(`:__igsql_q${positional.length}`, tok.start, tok.end);
              positional.push(tok.start);
            } else {
              emit(`:__igsql_a_${tok.value}`, tok.start, tok.end);
              named.push({ name: tok.value, offset: tok.start });
            }
          } else {
            throw syntaxError(sql, tok.start, 'TOP takes a number or a parameter, e.g. SELECT TOP 10 ...');
          }
        }
      });
    } else if ((upper === 'NOT' || upper === 'CASE') && tokens[i + 1]?.text === '(') {
      // NOT (a) = 1 is NOT ((a) = 1), not a call of a function NOT; the grammar rejects CASE (x) WHEN
      emit(`${t.text} __igsql_p`, t.start, t.end);
    } else if (['SUM', 'AVG', 'MIN', 'MAX', 'COUNT'].includes(upper) && tokens[i + 1]?.text === '(' && (isWord(tokens[i + 2], 'DISTINCT') || isWord(tokens[i + 2], 'ALL'))) {
      const distinct = isWord(tokens[i + 2], 'DISTINCT');
      emit(distinct ? `__igsql_distinct_${upper.toLowerCase()}(` : `${t.text}(`, t.start, tokens[i + 2]!.end);
      depth++;
      i += 2;
    } else if (upper === 'NULLS' && (isWord(tokens[i + 1], 'FIRST') || isWord(tokens[i + 1], 'LAST'))) {
      const which = tokens[i + 1]!.text.toLowerCase();
      emit(`, __igsql_nulls_${which}()`, t.start, tokens[i + 1]!.end);
      i++;
    } else if (upper === 'CAST' && tokens[i + 1]?.text === '(') {
      castDepths.push(depth + 1);
      emit(t.text, t.start, t.end);
    } else if (upper === 'AS' && castDepths.at(-1) === depth) {
      emit('AS', t.start, t.end);
      i = rewriteCastType(sql, tokens, i + 1, emit);
    } else if (upper === 'OVER' && tokens[i + 1]?.text === '(') {
      throw unsupported(sql, t.start, 'window functions (OVER)');
    } else if (upper in UNSUPPORTED_WORDS) {
      throw unsupported(sql, t.start, UNSUPPORTED_WORDS[upper]!);
    } else {
      emit(t.text, t.start, t.end);
    }
  }
  const toOriginal = (offset: number): number => {
    if (pieces.length === 0) return 0;
    for (const piece of pieces) {
      if (offset < piece.out) return piece.orig;
      if (offset < piece.outEnd) {
        const same = piece.outEnd - piece.out === piece.origEnd - piece.orig;
        return same ? piece.orig + (offset - piece.out) : piece.orig;
      }
    }
    return pieces.at(-1)!.origEnd;
  };
  const toOriginalEnd = (offset: number): number => {
    for (const piece of pieces) {
      if (offset - 1 < piece.outEnd && offset - 1 >= piece.out) {
        const same = piece.outEnd - piece.out === piece.origEnd - piece.orig;
        return same ? piece.orig + (offset - piece.out) : piece.origEnd;
      }
    }
    return toOriginal(offset);
  };
  return { text, strings, numbers, positional, named, toOriginal, toOriginalEnd };
}

function isTopPosition(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (isWord(prev, 'SELECT')) return true;
  return (isWord(prev, 'DISTINCT') || isWord(prev, 'ALL')) && isWord(tokens[i - 2], 'SELECT');
}

function rewriteTop(
  sql: string,
  tokens: readonly Token[],
  i: number,
  emit: (out: string, orig: number, origEnd: number) => void,
  emitInner: (inner: readonly Token[]) => void,
): number {
  const top = tokens[i]!;
  let j = i + 1;
  let inner: Token[];
  if (tokens[j]?.text === '(') {
    const close = tokens.findIndex((t, k) => k > j && t.text === ')');
    if (close === -1) throw syntaxError(sql, tokens[j]!.start, 'TOP ( without a closing )');
    inner = tokens.slice(j + 1, close);
    j = close + 1;
  } else {
    inner = tokens[j] === undefined ? [] : [tokens[j]!];
    j++;
  }
  if (inner.length !== 1) throw syntaxError(sql, top.start, 'TOP takes a number or a parameter, e.g. SELECT TOP 10 ...');
  if (isWord(tokens[j], 'PERCENT')) throw unsupported(sql, tokens[j]!.start, 'TOP ... PERCENT');
  if (isWord(tokens[j], 'WITH')) throw unsupported(sql, tokens[j]!.start, 'TOP ... WITH TIES');
  emit('__igsql_top(', top.start, top.end);
  emitInner(inner);
  emit('),', top.start, top.end);
  return j - 1;
}

/** Rewrites the type after `CAST(x AS`; returns the index of the last token consumed. */
function rewriteCastType(sql: string, tokens: readonly Token[], i: number, emit: (out: string, orig: number, origEnd: number) => void): number {
  const first = tokens[i];
  if (first === undefined || (first.type !== 'word' && first.type !== 'quoted')) {
    throw syntaxError(sql, first?.start ?? sql.length, `CAST needs a type after AS: ${Object.keys(CAST_TYPES).join(', ')}`);
  }
  let name = first.value!.toUpperCase();
  let end = i;
  const next = tokens[i + 1];
  if ((name === 'DOUBLE' && isWord(next, 'PRECISION')) || (name === 'CHARACTER' && isWord(next, 'VARYING'))) end++;
  if ((name === 'SIGNED' || name === 'UNSIGNED') && isWord(next, 'INTEGER')) end++;
  if (name === 'UNSIGNED') name = 'SIGNED';
  const type = CAST_TYPES[name];
  if (type === undefined) {
    throw unsupported(sql, first.start, `CAST to ${first.value}; use one of ${Object.keys(CAST_TYPES).join(', ')}`);
  }
  if (tokens[end + 1]?.text === '(') {
    const close = tokens.findIndex((t, k) => k > end + 1 && t.text === ')');
    if (close === -1) throw syntaxError(sql, tokens[end + 1]!.start, 'type length ( without a closing )');
    end = close;
  }
  emit(MYSQL_TYPE[type], first.start, tokens[end]!.end);
  return end;
}

export function unsupported(sql: string, offset: number, construct: string): IgsqlError {
  const pos = positionOf(sql, offset);
  return new IgsqlError('unsupported', `igsql does not support ${construct} (line ${pos.line}, column ${pos.column})\n${excerpt(sql, offset)}`, {
    details: { construct, line: pos.line, column: pos.column },
  });
}
