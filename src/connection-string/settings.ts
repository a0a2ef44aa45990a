import { buildConnectionString } from './build.js';
import { CATALOG, PROPERTIES } from './catalog/index.js';
import type { ConnectionProperties, PropertyName } from './connection-properties.js';
import { INSPECT, maskSecret } from './secrets.js';
import type { InspectFunction } from './secrets.js';

/**
 * Resolved connection properties. `values` holds every property (typed, defaults filled in),
 * `explicit` the ones the user set. Secrets are readable by code (`values.OAuthAccessToken`) but
 * masked in toString(), JSON.stringify and util.inspect, and are not enumerable on `values`, so
 * spreading or logging `values` does not copy them either.
 */
export class ConnectionSettings {
  readonly values: Readonly<ConnectionProperties>;
  /** Canonical names of the properties the user set, in the order written. */
  readonly explicit: ReadonlySet<PropertyName>;
  /** Properties set to a value that igsql accepts but ignores, one sentence each. */
  readonly warnings: readonly string[];

  constructor(values: ConnectionProperties, explicit: Iterable<PropertyName>, warnings: readonly string[] = []) {
    this.values = protectValues(values);
    this.explicit = new Set(explicit);
    this.warnings = Object.freeze([...warnings]);
  }

  /**
   * The properties the user set: canonical name → typed value, in the order written, secrets
   * masked unless `showSecrets` is true.
   */
  userValues(options: { showSecrets?: boolean } = {}): Partial<ConnectionProperties> {
    const out: Record<string, unknown> = {};
    for (const name of this.explicit) out[name] = display(name, this.values[name], options.showSecrets === true);
    return out as Partial<ConnectionProperties>;
  }

  /** The properties the user set as a connection string, canonical names, secrets masked. */
  toString(): string {
    return buildConnectionString(
      [...this.explicit].map((name) => [name, formatValue(name, display(name, this.values[name], false))] as const),
    );
  }

  toJSON(): Partial<ConnectionProperties> {
    return this.userValues();
  }

  [INSPECT](_depth: number, options: unknown, inspect: InspectFunction): string {
    return `ConnectionSettings ${inspect(this.userValues(), options)}`;
  }
}

function display(name: PropertyName, value: unknown, showSecrets: boolean): unknown {
  return CATALOG[name].sensitive && !showSecrets ? maskSecret(value as string) : value;
}

/** A typed value as connection-string text. */
export function formatValue(name: PropertyName, value: unknown): string {
  return (CATALOG[name].type.format as (v: unknown) => string)(value);
}

/** Every property with its value (secrets masked), for JSON and inspect of `values`. */
function maskedValues(values: ConnectionProperties): Record<string, unknown> {
  return Object.fromEntries(PROPERTIES.map((def) => [def.name, display(def.name, values[def.name], false)]));
}

/** A frozen copy of `values` whose secrets are not enumerable and which masks them in JSON and inspect. */
function protectValues(values: ConnectionProperties): Readonly<ConnectionProperties> {
  const copy: Record<string | symbol, unknown> = {};
  for (const def of PROPERTIES) {
    Object.defineProperty(copy, def.name, { value: values[def.name], enumerable: def.sensitive !== true });
  }
  Object.defineProperty(copy, 'toJSON', { value: () => maskedValues(values) });
  Object.defineProperty(copy, INSPECT, {
    value: (_depth: number, options: unknown, inspect: InspectFunction) => inspect(maskedValues(values), options),
  });
  return Object.freeze(copy) as unknown as Readonly<ConnectionProperties>;
}
