/**
 * Backslash commands of the prompt (and of SQL piped on stdin), psql style: `\d` lists the views,
 * `\d View` its columns, `\?` the commands, `\q` quits. They read the system tables, so they show
 * what `SELECT ... FROM sys_tables` would.
 */
import type { Connection } from '../connection.js';
import { IgsqlError } from '../errors.js';
import type { SplitStatement } from './split-statements.js';

export const META_HELP = [
  'Type SQL ended by ; (it may span lines), or:',
  '  \\d          list the views',
  '  \\d <view>   the columns of a view (type, pushed-down operators, description)',
  '  \\?          this help',
  '  \\q          quit (or Ctrl-D)',
  'Ctrl-C cancels a running query or clears the input; Ctrl-C twice or Ctrl-D quits.',
  '',
].join('\n');

export type MetaAction =
  | { readonly kind: 'quit' }
  | { readonly kind: 'print'; readonly text: string }
  | { readonly kind: 'query'; readonly statement: SplitStatement; readonly params: readonly unknown[] };

export function isMetaCommand(line: string): boolean {
  return line.trimStart().startsWith('\\');
}

export function metaCommand(line: string, conn: Connection): MetaAction {
  const [command = '', ...rest] = line.trim().replace(/;+$/, '').split(/\s+/);
  const argument = rest.join(' ');
  switch (command) {
    case '\\q':
      return { kind: 'quit' };
    case '\\?':
    case '\\h':
      return { kind: 'print', text: META_HELP };
    case '\\d': {
      if (argument === '') {
        return { kind: 'query', statement: statement('SELECT TableName, TableType, Description FROM sys_tables'), params: [] };
      }
      const name = argument.replace(/^["[`](.*)["\]`]$/, '$1');
      const view = conn.catalog.findView(name) ?? conn.catalog.view(name); // the latter throws with a did-you-mean
      return {
        kind: 'query',
        statement: statement('SELECT ColumnName, DataTypeName, PushdownOperators, Description FROM sys_tablecolumns WHERE TableName = ?', true),
        params: [view.name],
      };
    }
    default:
      throw new IgsqlError('usage', `unknown command ${command}: \\d, \\d <view>, \\? and \\q are known.`);
  }
}

function statement(sql: string, hasParams = false): SplitStatement {
  return { sql, line: 1, hasParams };
}
