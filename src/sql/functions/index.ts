/** The scalar function registry: name or alias (upper case) → definition. */
import { DATE_FUNCTIONS } from './date.js';
import type { SqlFunction } from './function.js';
import { MATH_FUNCTIONS } from './math.js';
import { JSON_FUNCTIONS, NULL_FUNCTIONS } from './misc.js';
import { STRING_FUNCTIONS } from './string.js';

export type { FunctionContext, FunctionImpl, SqlFunction } from './function.js';

export const FUNCTIONS: readonly SqlFunction[] = [...STRING_FUNCTIONS, ...MATH_FUNCTIONS, ...DATE_FUNCTIONS, ...NULL_FUNCTIONS, ...JSON_FUNCTIONS];

const BY_NAME = new Map<string, SqlFunction>();
for (const f of FUNCTIONS) {
  BY_NAME.set(f.name, f);
  for (const alias of f.aliases ?? []) BY_NAME.set(alias, f);
}

export function findFunction(name: string): SqlFunction | undefined {
  return BY_NAME.get(name.toUpperCase());
}

export function functionNames(): string[] {
  return [...BY_NAME.keys()].sort();
}
