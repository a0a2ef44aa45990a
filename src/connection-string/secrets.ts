import { isSensitiveName } from './lookup.js';

/** What a secret looks like wherever igsql shows one. */
export const MASK = '****';

/** `MASK` for a non-empty secret; '' stays '' (nothing is hidden by saying that it is empty). */
export function maskSecret(value: string): string {
  return value === '' ? '' : MASK;
}

/** `value`, or its mask when `name` (a property name or alias, any case) is a secret. */
export function maskIfSensitive<T>(name: string, value: T): T | string {
  return typeof value === 'string' && isSensitiveName(name) ? maskSecret(value) : value;
}

/** Node's util.inspect hook, without importing node:util. */
export const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** The signature of the inspect function Node passes to an INSPECT method. */
export type InspectFunction = (value: unknown, options: unknown) => string;
