/** Math functions. Non-numeric text arguments are an `execution` error naming the function. */
import type { SqlValue } from '../../schema/types.js';
import { compareValues, execError, toNumber, type StaticType } from '../values.js';
import { fn, intArg, type SqlFunction } from './function.js';

const dbl = (): StaticType => 'Double';
const sameNumeric = (types: readonly StaticType[]): StaticType => (types[0] === 'Integer' || types[0] === 'Boolean' ? 'Integer' : 'Double');

function num(v: SqlValue, name: string): number {
  return toNumber(v!, name);
}

/** SQLite's round(): half away from zero; digits < 0 count as 0. */
export function roundNumber(x: number, digits: number): number {
  if (digits <= 0) return x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5);
  if (Math.abs(x) >= 1e21) return x;
  return Number(x.toFixed(Math.min(digits, 100)));
}

function unary(name: string, signature: string, description: string, example: string, op: (x: number) => number | null, returns: (types: readonly StaticType[]) => StaticType = dbl): SqlFunction {
  return fn({
    name, category: 'math', minArgs: 1, maxArgs: 1, signature, description, example, returns,
    compile: () => (args) => op(num(args[0]!, name)),
  });
}

function extreme(name: string, aliases: readonly string[], pick: (c: number) => boolean, description: string, example: string): SqlFunction {
  return fn({
    name, aliases, category: 'math', minArgs: 2, maxArgs: Infinity, signature: `${name}(a, b, ...)`, description, example,
    returns: (types) => {
      const known = types.filter((t) => t !== 'Null');
      if (known.every((t) => t === 'Integer')) return 'Integer';
      if (known.every((t) => t === 'Integer' || t === 'Double')) return 'Double';
      return known.every((t) => t === known[0]) ? known[0] ?? 'Any' : 'Any';
    },
    compile: () => (args) => {
      let best = args[0]!;
      for (let i = 1; i < args.length; i++) if (pick(compareValues(args[i]!, best)!)) best = args[i]!;
      return best;
    },
  });
}

export const MATH_FUNCTIONS: readonly SqlFunction[] = [
  fn({
    name: 'ABS', category: 'math', minArgs: 1, maxArgs: 1, signature: 'ABS(x)', description: 'Absolute value.', example: 'ABS(-3) → 3',
    returns: sameNumeric, compile: () => (args) => Math.abs(num(args[0]!, 'ABS')),
  }),
  fn({
    name: 'ROUND', category: 'math', minArgs: 1, maxArgs: 2, signature: 'ROUND(x[, digits])',
    description: 'Rounds half away from zero to `digits` decimals (default 0); the result is a Double.', example: 'ROUND(2.567, 2) → 2.57',
    returns: dbl,
    compile: () => (args) => roundNumber(num(args[0]!, 'ROUND'), args.length > 1 ? intArg(args[1]!, 'ROUND', 'digits') : 0),
  }),
  unary('FLOOR', 'FLOOR(x)', 'Largest integer not greater than x.', 'FLOOR(2.7) → 2', Math.floor, sameNumeric),
  fn({
    name: 'CEILING', aliases: ['CEIL'], category: 'math', minArgs: 1, maxArgs: 1, signature: 'CEILING(x)',
    description: 'Smallest integer not less than x.', example: 'CEILING(2.1) → 3', returns: sameNumeric,
    compile: () => (args) => Math.ceil(num(args[0]!, 'CEILING')),
  }),
  fn({
    name: 'POWER', aliases: ['POW'], category: 'math', minArgs: 2, maxArgs: 2, signature: 'POWER(x, y)', description: 'x raised to y.',
    example: 'POWER(2, 10) → 1024', returns: dbl, compile: () => (args) => Math.pow(num(args[0]!, 'POWER'), num(args[1]!, 'POWER')),
  }),
  unary('SQRT', 'SQRT(x)', 'Square root; NULL for negative x.', 'SQRT(16) → 4', (x) => (x < 0 ? null : Math.sqrt(x))),
  fn({
    name: 'MOD', category: 'math', minArgs: 2, maxArgs: 2, signature: 'MOD(a, b)',
    description: 'Remainder of a / b with the sign of a (same as `a % b`); b = 0 is an error.', example: 'MOD(7, 3) → 1',
    returns: (types) => (types[0] === 'Integer' && types[1] === 'Integer' ? 'Integer' : 'Double'),
    compile: () => (args) => {
      const b = num(args[1]!, 'MOD');
      if (b === 0) throw execError('MOD: division by zero');
      return num(args[0]!, 'MOD') % b;
    },
  }),
  fn({
    name: 'SIGN', category: 'math', minArgs: 1, maxArgs: 1, signature: 'SIGN(x)', description: '-1, 0 or 1.', example: 'SIGN(-5) → -1',
    returns: () => 'Integer', compile: () => (args) => Math.sign(num(args[0]!, 'SIGN')),
  }),
  unary('EXP', 'EXP(x)', 'e raised to x.', 'EXP(1) → 2.718281828459045', Math.exp),
  unary('LN', 'LN(x)', 'Natural logarithm; NULL for x <= 0.', 'LN(1) → 0', (x) => (x <= 0 ? null : Math.log(x))),
  unary('LOG10', 'LOG10(x)', 'Base-10 logarithm; NULL for x <= 0.', 'LOG10(1000) → 3', (x) => (x <= 0 ? null : Math.log10(x))),
  fn({
    name: 'LOG', category: 'math', minArgs: 1, maxArgs: 2, signature: 'LOG([base, ]x)',
    description: 'Base-10 logarithm of x (as SQLite and PostgreSQL), or log of x in `base`.', example: 'LOG(2, 8) → 3', returns: dbl,
    compile: () => (args) => {
      const x = num(args[args.length - 1]!, 'LOG');
      if (x <= 0) return null;
      if (args.length === 1) return Math.log10(x);
      const base = num(args[0]!, 'LOG');
      return base <= 0 || base === 1 ? null : Math.log(x) / Math.log(base);
    },
  }),
  fn({
    name: 'PI', category: 'math', minArgs: 0, maxArgs: 0, signature: 'PI()', description: 'The number π.', example: 'PI() → 3.141592653589793',
    returns: dbl, compile: () => () => Math.PI,
  }),
  extreme('GREATEST', [], (c) => c > 0, 'The largest argument; NULL if any argument is NULL (as SQLite\'s scalar MAX).', 'GREATEST(1, 5, 3) → 5'),
  extreme('LEAST', [], (c) => c < 0, 'The smallest argument; NULL if any argument is NULL (as SQLite\'s scalar MIN).', 'LEAST(1, 5, 3) → 1'),
];
