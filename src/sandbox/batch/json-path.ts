/**
 * Batch dependencies (graph-api.md §5): `{result=<name>:<JSONPath>}` inside an item's relative_url
 * or body is replaced by the values the path selects in the named earlier item's answer, joined
 * with commas. The sandbox supports the JSONPath subset clients use: `$`, `.key`, `['key']`,
 * `.*`, `[n]` and `[*]`; anything else (filters, `..`, slices) is refused with a clear error.
 */

export const REFERENCE = /\{result=([^:{}]+):([^{}]*)\}/g;

export interface Reference {
  readonly name: string;
  readonly path: string;
}

export function findReferences(text: string): Reference[] {
  return [...text.matchAll(REFERENCE)].map((m) => ({ name: m[1]!.trim(), path: m[2]!.trim() }));
}

type Step = { kind: 'key'; key: string } | { kind: 'index'; index: number } | { kind: 'all' };

export class UnsupportedPathError extends Error {}

export function parsePath(path: string): Step[] {
  if (!path.startsWith('$')) throw new UnsupportedPathError(`a JSONPath must start with $, got ${path}`);
  const steps: Step[] = [];
  const step = /^(?:\.([A-Za-z0-9_-]+)|\.\*|\[(\d+)\]|\[\*\]|\['([^']*)'\])/;
  let rest = path.slice(1);
  while (rest !== '') {
    const m = step.exec(rest);
    if (m === null) {
      throw new UnsupportedPathError(`unsupported JSONPath ${path} (the sandbox supports $, .key, ['key'], .*, [n] and [*])`);
    }
    if (m[1] !== undefined) steps.push({ kind: 'key', key: m[1] });
    else if (m[2] !== undefined) steps.push({ kind: 'index', index: Number(m[2]) });
    else if (m[3] !== undefined) steps.push({ kind: 'key', key: m[3] });
    else steps.push({ kind: 'all' });
    rest = rest.slice(m[0].length);
  }
  return steps;
}

/** The values `path` selects in `value`. */
export function selectPath(value: unknown, path: string): unknown[] {
  let nodes: unknown[] = [value];
  for (const step of parsePath(path)) {
    const next: unknown[] = [];
    for (const node of nodes) {
      if (node === null || typeof node !== 'object') continue;
      if (step.kind === 'all') next.push(...(Array.isArray(node) ? node : Object.values(node)));
      else if (step.kind === 'index') {
        if (Array.isArray(node) && step.index < node.length) next.push(node[step.index]);
      } else if (!Array.isArray(node) && Object.hasOwn(node, step.key)) {
        next.push((node as Record<string, unknown>)[step.key]);
      }
    }
    nodes = next;
  }
  return nodes;
}

/** The text a reference is replaced with: scalars as text, arrays flattened, joined with commas. */
export function referenceText(values: readonly unknown[]): string {
  const flat = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
  return flat.map((v) => (typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v))).join(',');
}

/** Replaces every reference in `text` with `resolve(reference)`. */
export function substituteReferences(text: string, resolve: (reference: Reference) => string): string {
  return text.replace(REFERENCE, (_all, name: string, path: string) => resolve({ name: name.trim(), path: path.trim() }));
}
