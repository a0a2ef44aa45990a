/**
 * The schema of a connection property's value: coerce the raw text, or say what would be valid.
 * Same shape as zod's `safeParse` (which it replaced: zod cost ~7 MB of RSS and 3 MB of live heap
 * in every process for the eight value types below, and V8 grows the heap to a multiple of what
 * stays live; see docs/performance.md, W7).
 */
export type SafeParse<T> =
  | { readonly success: true; readonly data: T; readonly error?: undefined }
  | { readonly success: false; readonly data?: undefined; readonly error: { readonly issues: readonly { readonly message: string }[] } };

export interface ValueSchema<T> {
  safeParse(raw: string): SafeParse<T>;
}

/** A schema that always accepts (the value converted by `convert`). */
export function schema<T>(convert: (raw: string) => T): ValueSchema<T> {
  return { safeParse: (raw) => ({ success: true, data: convert(raw) }) };
}

/** A schema whose `check` returns the value (as `{ value }`) or the message of what would be valid. */
export function checked<T>(check: (raw: string) => { readonly value: T } | string): ValueSchema<T> {
  return {
    safeParse(raw) {
      const result = check(raw);
      return typeof result === 'string' ? { success: false, error: { issues: [{ message: result }] } } : { success: true, data: result.value };
    },
  };
}
