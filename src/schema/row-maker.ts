/**
 * Row objects, made in the two places that make one per item: a view's rows (toRow) and the rows a
 * query hands out (sql/engine.ts). Keys are column names in order.
 */
import type { Row, SqlValue } from './types.js';

export type RowMaker = (values: readonly SqlValue[]) => Row;

/**
 * A function that makes a row of `keys` as one object literal, compiled once per column list. Built up
 * key by key, a row of a dozen columns reallocated its property store three times (a tenth of what
 * a 1,000,000-row stream allocated), and a column named `__proto__` (`SELECT x AS "__proto__"`)
 * set the row's prototype instead of a property: its value was lost. In the literal it is a
 * computed key, which always makes an own property. The keys are written as JSON strings, which
 * are JavaScript string literals, so no name can be code. Where code generation is disallowed
 * (`--disallow-code-generation-from-strings`), rows are defined key by key.
 */
export function rowMaker(keys: readonly string[]): RowMaker {
  const members = keys.map((key, i) => `${key === '__proto__' ? `[${JSON.stringify(key)}]` : JSON.stringify(key)}: v[${i}]`);
  try {
    return new Function('v', `return { ${members.join(', ')} };`) as RowMaker;
  } catch {
    return (values) => {
      const row: Record<string, SqlValue> = {};
      keys.forEach((key, i) => Object.defineProperty(row, key, { value: values[i]!, enumerable: true, writable: true, configurable: true }));
      return row;
    };
  }
}
