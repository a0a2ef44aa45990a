import { closest } from '../errors.js';
import { PROPERTIES } from './catalog/index.js';
import type { PropertyDefinition } from './connection-properties.js';

/**
 * Finding catalog entries by the name a user wrote. Names match case-insensitively and ignoring
 * white space (`Initiate OAuth` is `InitiateOAuth`), by canonical name or alias.
 */
export function normalizeName(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}

const BY_NAME: ReadonlyMap<string, PropertyDefinition> = new Map(
  PROPERTIES.flatMap((def) => [def.name, ...def.aliases].map((n) => [normalizeName(n), def] as const)),
);

/** Every canonical name and alias, for did-you-mean suggestions. */
export const ALL_NAMES: readonly string[] = PROPERTIES.flatMap((def) => [def.name, ...def.aliases]);

export function findProperty(name: string): PropertyDefinition | undefined {
  return BY_NAME.get(normalizeName(name));
}

/**
 * True when `name` (as a user may write it) names a secret: its value must never be shown.
 * `=` is ignored here, so that `Password==x` (read as the key `Password=`) is treated as a secret too.
 */
export function isSensitiveName(name: string): boolean {
  return BY_NAME.get(normalizeName(name).replaceAll('=', ''))?.sensitive === true;
}

/** The catalog name closest to an unknown name, if one is close enough. */
export function suggestName(name: string): string | undefined {
  return closest(normalizeName(name), ALL_NAMES);
}
