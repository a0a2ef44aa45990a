/**
 * The text of each select-list item, found on our own tokens (node-sql-parser gives no location
 * for CASE, CAST and a few others). A result column without an alias is named after the text of
 * its expression, as SQLite does: `SELECT COUNT(*) ...` gives a column `COUNT(*)`.
 */
import type { Span } from './ast.js';
import { isWord, type Token } from './lex.js';

const LIST_END = new Set(['FROM', 'WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'UNION', 'INTO', 'OFFSET', 'WINDOW']);

/** Spans of every select-list item of every SELECT in the statement, alias included. */
export function selectItemSpans(tokens: readonly Token[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isWord(tokens[i], 'SELECT')) continue;
    let j = i + 1;
    if (isWord(tokens[j], 'DISTINCT') || isWord(tokens[j], 'ALL')) j++;
    if (isWord(tokens[j], 'TOP')) {
      j++;
      if (tokens[j]?.text === '(') {
        while (j < tokens.length && tokens[j]!.text !== ')') j++;
      }
      j++;
    }
    let start = j;
    let depth = 0;
    for (; j <= tokens.length; j++) {
      const t = tokens[j];
      const atEnd = t === undefined || (depth === 0 && (t.text === ')' || (t.type === 'word' && LIST_END.has(t.text.toUpperCase()))));
      if (atEnd || (depth === 0 && t.text === ',')) {
        if (j > start) spans.push({ start: tokens[start]!.start, end: tokens[j - 1]!.end });
        if (atEnd) break;
        start = j + 1;
        continue;
      }
      if (t.text === '(') depth++;
      else if (t.text === ')') depth--;
    }
  }
  return spans;
}

/** The item text without a trailing `[AS] alias`. */
export function itemText(sql: string, tokens: readonly Token[], span: Span, alias: string | undefined): string {
  const inside = tokens.filter((t) => t.start >= span.start && t.end <= span.end);
  let end = inside.length;
  if (alias !== undefined && end > 1) {
    const last = inside[end - 1]!;
    if ((last.type === 'word' || last.type === 'quoted' || last.type === 'string') && last.value === alias) {
      end--;
      if (isWord(inside[end - 1], 'AS')) end--;
    }
  }
  if (end === 0) return '';
  return sql.slice(inside[0]!.start, inside[end - 1]!.end);
}
