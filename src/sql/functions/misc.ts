/** NULL handling (evaluated lazily by the expression compiler) and JSON functions. */
import type { JsonValue, SqlValue } from '../../schema/types.js';
import { compareValues, describeValue, execError, type StaticType } from '../values.js';
import { fn, type SqlFunction } from './function.js';

/** The common type of several expressions (for COALESCE, CASE, IIF, UNION). */
export function commonType(types: readonly StaticType[]): StaticType {
  const known = types.filter((t) => t !== 'Null');
  if (known.length === 0) return 'Null';
  if (known.every((t) => t === known[0])) return known[0]!;
  if (known.every((t) => t === 'Integer' || t === 'Double')) return 'Double';
  return 'Any';
}

const special = (name: string, aliases: readonly string[], minArgs: number, maxArgs: number, signature: string, description: string,
  example: string, returns: (types: readonly StaticType[]) => StaticType): SqlFunction =>
  fn({
    name, aliases, category: 'null', minArgs, maxArgs, signature, description, example, returns, special: true, nulls: 'pass',
    compile: () => {
      throw execError(`${name} is evaluated by the expression compiler`);
    },
  });

export const NULL_FUNCTIONS: readonly SqlFunction[] = [
  special('COALESCE', [], 1, Infinity, 'COALESCE(a, b, ...)', 'The first non-NULL argument.', 'COALESCE(Caption, \'(none)\')', commonType),
  special('IFNULL', ['NVL'], 2, 2, 'IFNULL(a, b)', 'a, or b when a is NULL.', 'IFNULL(LikeCount, 0)', commonType),
  special('ISNULL', [], 1, 2, 'ISNULL(a, b) · ISNULL(a)', 'With two arguments as IFNULL (T-SQL); with one, TRUE when a is NULL.',
    'ISNULL(Caption, \'\')', (t) => (t.length === 1 ? 'Boolean' : commonType(t))),
  special('IIF', ['IF'], 3, 3, 'IIF(condition, then, else)', 'then when condition is TRUE, else otherwise (also for NULL).',
    "IIF(LikeCount > 100, 'hit', 'miss')", (t) => commonType(t.slice(1))),
  fn({
    name: 'NULLIF', category: 'null', minArgs: 2, maxArgs: 2, signature: 'NULLIF(a, b)', description: 'NULL when a = b, else a.',
    example: 'NULLIF(CommentsCount, 0)', returns: (t) => t[0] ?? 'Any', nulls: 'pass',
    compile: () => (args) => (args[0] === null ? null : compareValues(args[0]!, args[1]!) === 0 ? null : args[0]!),
  }),
];

function parseJson(v: SqlValue, name: string): JsonValue {
  if (typeof v !== 'string') return v as JsonValue;
  try {
    return JSON.parse(v) as JsonValue;
  } catch {
    throw execError(`${name}: ${describeValue(v)} is not valid JSON`);
  }
}

/** Steps of a path like `$.a.b[0]` or `$."a b"[2]`. */
export function parseJsonPath(path: string, name: string): (string | number)[] {
  if (!path.startsWith('$')) throw execError(`${name}: a JSON path starts with $, e.g. '$.owner.id'; got ${describeValue(path)}`);
  const steps: (string | number)[] = [];
  const re = /\.(?:"((?:[^"\\]|\\.)*)"|([^.[\]]+))|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/y;
  let i = 1;
  while (i < path.length) {
    re.lastIndex = i;
    const m = re.exec(path);
    if (!m) throw execError(`${name}: bad JSON path ${describeValue(path)} at position ${i + 1}`);
    steps.push(m[3] !== undefined ? Number(m[3]) : (m[1] ?? m[2] ?? m[4])!);
    i = re.lastIndex;
  }
  return steps;
}

function walk(value: JsonValue, steps: readonly (string | number)[]): JsonValue | undefined {
  let cur: JsonValue | undefined = value;
  for (const step of steps) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) ? (typeof step === 'number' ? cur[step] : undefined) : (cur as Record<string, JsonValue>)[String(step)];
  }
  return cur;
}

export const JSON_FUNCTIONS: readonly SqlFunction[] = [
  fn({
    name: 'JSON_EXTRACT', aliases: ['JSON_VALUE'], category: 'json', minArgs: 2, maxArgs: 2, signature: 'JSON_EXTRACT(json, path)',
    description: 'The value at a path (`$.a.b[0]`) of a Json value or JSON text: scalars as SQL values, objects and arrays as Json; NULL when absent.',
    example: "JSON_EXTRACT(Owner, '$.id')", returns: () => 'Json',
    compile: () => {
      let cachedPath: string | undefined;
      let steps: (string | number)[] = [];
      return (args) => {
        const path = String(args[1]);
        if (path !== cachedPath) {
          steps = parseJsonPath(path, 'JSON_EXTRACT');
          cachedPath = path;
        }
        const found = walk(parseJson(args[0]!, 'JSON_EXTRACT'), steps);
        return found === undefined ? null : (found as SqlValue);
      };
    },
  }),
  fn({
    name: 'JSON_ARRAY_LENGTH', category: 'json', minArgs: 1, maxArgs: 2, signature: 'JSON_ARRAY_LENGTH(json[, path])',
    description: 'Number of elements of a JSON array (0 for other values; NULL when the path is absent).', example: "JSON_ARRAY_LENGTH('[1,2,3]') → 3",
    returns: () => 'Integer',
    compile: () => (args) => {
      const root = parseJson(args[0]!, 'JSON_ARRAY_LENGTH');
      const found = args.length > 1 ? walk(root, parseJsonPath(String(args[1]), 'JSON_ARRAY_LENGTH')) : root;
      if (found === undefined) return null;
      return Array.isArray(found) ? found.length : 0;
    },
  }),
];
