/**
 * The `fields` expression of the Graph API:
 *
 *   fields   := field ("," field)*
 *   field    := name modifier* ("{" fields "}")?
 *   modifier := "." name "(" raw-text ")"      e.g. .limit(5) .after(QVFI…) .as(alias) .username(x) .metric(a,b)
 *
 * Nesting is unlimited. `.as(alias)` renames the output key; every other modifier becomes a parameter
 * of the field (edges read limit/after/before; business_discovery reads username; insights reads
 * metric/period/...). Errors are Meta's code 2500 `Syntax error "…" at character N: <fields>`.
 */
import { fieldsSyntaxError, type GraphError } from '../graph-error.js';

export interface FieldSelection {
  readonly name: string;
  /** The output key: the `.as()` alias, or the name. */
  readonly key: string;
  /** Modifiers other than `.as()`, by name (raw text between the parentheses). */
  readonly params: Readonly<Record<string, string>>;
  /** The `{…}` sub-selection; undefined when the field had none. */
  readonly children: readonly FieldSelection[] | undefined;
  /** 0-based offset of the field name in the expression. */
  readonly position: number;
}

const NAME = /[A-Za-z0-9_]/;

class Parser {
  readonly text: string;
  pos = 0;

  constructor(text: string) {
    this.text = text;
  }

  fail(detail: string, at = this.pos): GraphError {
    return fieldsSyntaxError(detail, at, this.text);
  }

  here(): string {
    const ch = this.text[this.pos];
    return ch === undefined ? 'end of string' : `"${ch}"`;
  }

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  name(what: string): string {
    const start = this.pos;
    while (this.pos < this.text.length && NAME.test(this.text[this.pos]!)) this.pos++;
    if (this.pos === start) throw this.fail(`Expected ${what} instead of ${this.here()}.`);
    return this.text.slice(start, this.pos);
  }

  /** Raw text up to the matching ")" (parentheses may nest). */
  argument(): string {
    const start = this.pos;
    let depth = 0;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos]!;
      if (ch === '(') depth++;
      else if (ch === ')') {
        if (depth === 0) return this.text.slice(start, this.pos++).trim();
        depth--;
      }
      this.pos++;
    }
    throw this.fail('Expected ")" instead of end of string.');
  }

  list(closing: '}' | undefined): FieldSelection[] {
    const out: FieldSelection[] = [];
    const keys = new Set<string>();
    for (;;) {
      this.skipSpace();
      const ch = this.text[this.pos];
      if (ch === ',') {
        this.pos++;
        continue;
      }
      if (ch === undefined || ch === '}') {
        if (ch === closing) {
          if (closing !== undefined) this.pos++;
          return out;
        }
        throw this.fail(closing === undefined ? `Expected end of string instead of "}".` : 'Expected "}" instead of end of string.');
      }
      const field = this.field();
      if (keys.has(field.key)) {
        throw this.fail(`Field ${field.key} specified more than once. This is only possible before version 2.1`, field.position);
      }
      keys.add(field.key);
      out.push(field);
      this.skipSpace();
      const after = this.text[this.pos];
      if (after !== undefined && after !== ',' && after !== '}') {
        throw this.fail(`Expected ${closing === undefined ? 'end of string' : '"}"'} instead of ${this.here()}.`);
      }
    }
  }

  field(): FieldSelection {
    const position = this.pos;
    const name = this.name('field name');
    let key = name;
    const params: Record<string, string> = {};
    let children: FieldSelection[] | undefined;
    for (;;) {
      this.skipSpace();
      const ch = this.text[this.pos];
      if (ch === '.') {
        this.pos++;
        const modifier = this.name('modifier name');
        if (this.text[this.pos] !== '(') throw this.fail(`Expected "(" instead of ${this.here()}.`);
        this.pos++;
        const value = this.argument();
        if (modifier === 'as') {
          if (!/^[A-Za-z0-9_]+$/.test(value)) throw this.fail(`Expected alias name instead of "${value}".`);
          key = value;
        } else {
          Object.defineProperty(params, modifier, { value, enumerable: true, writable: true, configurable: true });
        }
      } else if (ch === '{' && children === undefined) {
        this.pos++;
        children = this.list('}');
      } else {
        return { name, key, params, children, position };
      }
    }
  }
}

/** Parses a `fields` expression; throws the Graph API's 2500 syntax error. An empty text gives []. */
export function parseFields(text: string): FieldSelection[] {
  return new Parser(text).list(undefined);
}

/** Writes a selection back as a `fields` expression (used for the `fields` of nested paging URLs). */
export function serializeFields(selection: readonly FieldSelection[]): string {
  return selection.map(serializeField).join(',');
}

function serializeField(field: FieldSelection): string {
  let out = field.name;
  for (const [name, value] of Object.entries(field.params)) out += `.${name}(${value})`;
  if (field.key !== field.name) out += `.as(${field.key})`;
  if (field.children !== undefined) out += `{${serializeFields(field.children)}}`;
  return out;
}
