/**
 * CSV as RFC 4180 says: fields separated by commas, records ended by CRLF, a field quoted with `"`
 * when it holds a comma, a quote, CR or LF (or leading/trailing space), quotes inside doubled.
 * NULL is an empty field; an empty string is `""` so the two stay apart.
 */
import type { Row } from '../schema/types.js';
import { cellOf, valueText, type OutputColumn } from './cell-value.js';

export function csvField(text: string | null): string {
  if (text === null) return '';
  if (text === '') return '""';
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(fields: readonly (string | null)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export function csvRow(row: Row, columns: readonly OutputColumn[]): string {
  return csvRecord(columns.map((c) => valueText(cellOf(row, c))));
}
