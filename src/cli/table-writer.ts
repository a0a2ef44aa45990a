/**
 * The `table` format, psql style. Column widths come from the header and the first rows (up to
 * FIRST_BATCH, so memory stays bounded); later rows keep those widths and a longer cell just
 * widens its line. Numbers are right-aligned, NULL shows as `NULL`, and a footer counts the rows.
 */
import type { ResultColumn, Row } from '../schema/types.js';
import { cellOf, valueText, type OutputColumn } from './cell-value.js';
import { cellText } from './format.js';

export const FIRST_BATCH = 500;

export class TableWriter {
  readonly #columns: readonly OutputColumn[];
  readonly #numeric: readonly boolean[];
  readonly #out: (text: string) => void;
  #pending: string[][] | undefined = [];
  #widths: number[] = [];
  #count = 0;

  constructor(columns: readonly ResultColumn[], output: readonly OutputColumn[], out: (text: string) => void) {
    this.#columns = output;
    this.#numeric = columns.map((c) => (c.type === 'Integer' || c.type === 'Double') && !output.find((o) => o.name === c.name)?.masked);
    this.#out = out;
  }

  row(row: Row): void {
    this.#count++;
    const cells = this.#columns.map((c) => {
      const text = valueText(cellOf(row, c));
      return text === null ? 'NULL' : cellText(text);
    });
    if (this.#pending === undefined) {
      this.#out(this.#line(cells));
      return;
    }
    this.#pending.push(cells);
    if (this.#pending.length >= FIRST_BATCH) this.#start();
  }

  end(): void {
    if (this.#pending !== undefined) this.#start();
    this.#out(`(${this.#count} ${this.#count === 1 ? 'row' : 'rows'})\n`);
  }

  #start(): void {
    const rows = this.#pending ?? [];
    this.#pending = undefined;
    const headers = this.#columns.map((c) => c.name);
    this.#widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
    const header = headers.map((h, i) => (i === headers.length - 1 ? h : pad(h, this.#widths[i]!, false))).join(' | ');
    this.#out(`${header.trimEnd()}\n${this.#widths.map((w) => '-'.repeat(w)).join('-+-')}\n`);
    for (const cells of rows) this.#out(this.#line(cells));
  }

  #line(cells: readonly string[]): string {
    const last = cells.length - 1;
    const text = cells.map((cell, i) => (i === last && !this.#numeric[i] ? cell : pad(cell, this.#widths[i]!, this.#numeric[i]!))).join(' | ');
    return `${text}\n`;
  }
}

function pad(text: string, w: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(text)));
  return right ? fill + text : text + fill;
}

function width(text: string): number {
  return [...text].length;
}
