/**
 * Writes one result set in a CLI format while its rows stream in: csv (RFC 4180, header first, but
 * only once the first row or the end arrives),
 * json (one array of row objects), ndjson (one object per line) or table. Only the table holds
 * rows, and only its first batch (see table-writer.ts).
 */
import type { ResultColumn, Row } from '../schema/types.js';
import { cellOf, outputColumns, valueJson, type OutputColumn } from './cell-value.js';
import { csvRecord, csvRow } from './csv.js';
import type { OutputFormat } from './format.js';
import { OutputBuffer } from './output-buffer.js';
import { TableWriter } from './table-writer.js';

export interface ResultSource extends AsyncIterable<Row> {
  readonly columns: readonly ResultColumn[];
}

export interface WriteOptions {
  readonly format: OutputFormat;
  readonly showSecrets: boolean;
  /** Not the first result set of the run: csv and table put a blank line before it. */
  readonly separate?: boolean;
}

/** Writes the result set and returns its row count. Output written so far is flushed on error too. */
export async function writeResult(result: ResultSource, write: (text: string) => void, options: WriteOptions): Promise<number> {
  const buffer = new OutputBuffer(write);
  const out = (text: string): void => buffer.push(text);
  const columns = outputColumns(result.columns, options.showSecrets);
  if (options.separate === true && (options.format === 'csv' || options.format === 'table')) out(options.format === 'csv' ? '\r\n' : '\n');
  let count = 0;
  try {
    if (options.format === 'table') {
      const table = new TableWriter(result.columns, columns, out);
      for await (const row of result) {
        table.row(row);
        count++;
      }
      table.end();
    } else if (options.format === 'csv') {
      // The header waits for the first row (or the end), so a query that fails before any row
      // leaves no header-only file that looks like a valid empty result.
      const header = csvRecord(columns.map((c) => c.name));
      for await (const row of result) {
        out(count === 0 ? header + csvRow(row, columns) : csvRow(row, columns));
        count++;
      }
      if (count === 0) out(header);
    } else {
      const json = options.format === 'json';
      for await (const row of result) {
        const text = JSON.stringify(rowObject(row, columns));
        out(json ? `${count === 0 ? '[\n' : ',\n'}  ${text}` : `${text}\n`);
        count++;
      }
      if (json) out(count === 0 ? '[]\n' : '\n]\n');
    }
  } finally {
    buffer.flush();
  }
  return count;
}

export function rowObject(row: Row, columns: readonly OutputColumn[]): Record<string, unknown> {
  // fromEntries defines own properties: a column named __proto__ stays a column
  return Object.fromEntries(columns.map((c) => [c.name, valueJson(cellOf(row, c))]));
}
