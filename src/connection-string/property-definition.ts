import type { ConnectionProperties, PropertyCategory, PropertyName } from './connection-properties.js';
import type { PropertyType } from './property-types.js';

/**
 * How igsql treats a property:
 * - `honoured`: igsql does what the property says;
 * - `ignored`: accepted for CData compatibility, has no effect (a non-default value gives a warning);
 * - `unsupported`: a non-default value is refused with an `unsupported` error (ignoring it would
 *   change results behind the user's back).
 */
export type PropertySupport = 'honoured' | 'ignored' | 'unsupported';

/** One catalog entry, as written in ./catalog/. */
export interface PropertySpec<T> {
  readonly category: PropertyCategory;
  /** Other names accepted for the property (matched like names: case and spaces ignored). */
  readonly aliases: readonly string[];
  readonly type: PropertyType<NonNullable<T>>;
  /** The value when the connection string does not set it (or sets it empty). */
  readonly default: T;
  /** The docs' text for a default that depends on other properties. */
  readonly defaultText?: string;
  /** Secrets: masked everywhere, never echoed in messages. */
  readonly sensitive?: true;
  readonly support: PropertySupport;
  /** One line: what the property does. */
  readonly description: string;
  /** For `ignored` and `unsupported`: why, and what to use instead (one sentence). */
  readonly note?: string;
}

/** The catalog's shape: one entry per field of {@link ConnectionProperties}, types matching. */
export type CatalogShape = { readonly [K in PropertyName]: PropertySpec<ConnectionProperties[K]> };

/** A catalog entry with its canonical name. */
export interface PropertyDefinition extends PropertySpec<unknown> {
  readonly name: PropertyName;
  readonly sensitive?: true;
}
