import { IgsqlError } from '../errors.js';

/** The output formats of the CLI. A command may support a subset. */
export const OUTPUT_FORMATS = ['table', 'csv', 'json', 'ndjson'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The --format value checked against what a command supports; `fallback` (table) when not given. */
export function outputFormat(value: string | undefined, supported: readonly OutputFormat[] = OUTPUT_FORMATS, fallback: OutputFormat = 'table'): OutputFormat {
  if (value === undefined) return fallback;
  const format = supported.find((f) => f === value.toLowerCase());
  if (format === undefined) {
    throw new IgsqlError('usage', `unknown --format '${value}': expected ${supported.slice(0, -1).join(', ')}${supported.length > 1 ? ' or ' : ''}${supported.at(-1)!}`);
  }
  return format;
}

/** A value as one table cell: lists joined with ", ", control characters escaped. */
export function cellText(value: unknown): string {
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

/**
 * A psql-style text table:
 *
 *     Property    | Value
 *     ------------+------
 *     ProxyServer | a;b
 */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((row) => width(row[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i]! - width(cell)))).join(' | ');
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  return [line(headers), rule, ...rows.map(line)].join('\n') + '\n';
}

function width(text: string): number {
  return [...text].length;
}
