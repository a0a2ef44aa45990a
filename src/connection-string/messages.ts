import { closest } from '../errors.js';
import type { SourcePosition } from '../errors.js';
import type { ConnectionStringPair } from './parsed-connection-string.js';
import type { PropertyDefinition } from './connection-properties.js';
import { describePosition, excerpt, followsSecretHint } from './problems.js';
import type { ConnectionStringProblem } from './problems.js';
import { suggestName } from './lookup.js';

/**
 * The problems resolution reports, worded in one place. A value is echoed only for a property
 * that is not a secret, and shortened.
 */

/** `Name='value'` for messages, or just `Name` for a secret. */
export function shown(def: Pick<PropertyDefinition, 'name' | 'sensitive'>, value: string): string {
  return def.sensitive ? def.name : `${def.name}='${excerpt(value)}'`;
}

export function unknownProperty(pair: ConnectionStringPair): ConnectionStringProblem {
  const where = describePosition(pair.keyAt);
  if (pair.followsSecret !== undefined) {
    return { kind: 'config', position: pair.keyAt, message: `unknown property at ${where}${followsSecretHint(pair.followsSecret)}` };
  }
  const suggestion = suggestName(pair.key);
  return {
    kind: 'config',
    property: pair.key,
    position: pair.keyAt,
    message: `unknown property '${excerpt(pair.key)}' at ${where}${suggestion === undefined ? '' : `; did you mean ${suggestion}?`}`,
  };
}

export function invalidValue(def: PropertyDefinition, pair: ConnectionStringPair, reason: string): ConnectionStringProblem {
  const suggestion = def.type.allowed.length > 0 ? closest(pair.value.trim(), def.type.allowed) : undefined;
  return {
    kind: 'config',
    property: def.name,
    position: pair.valueAt,
    message: `${shown(def, pair.value)} at ${describePosition(pair.valueAt)}: ${reason}${suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`}`,
  };
}

export function unsupportedValue(def: PropertyDefinition, pair: ConnectionStringPair): ConnectionStringProblem {
  return {
    kind: 'unsupported',
    property: def.name,
    position: pair.keyAt,
    message: `${shown(def, pair.value)} at ${describePosition(pair.keyAt)} is not supported: ${def.note}`,
  };
}

export function ignoredValue(def: PropertyDefinition): string {
  return `${def.name} has no effect in igsql: ${def.note}`;
}

/** A problem about the relation of several properties, located at the first one. */
export function crossProblem(property: string, position: SourcePosition, message: (where: string) => string): ConnectionStringProblem {
  return { kind: 'config', property, position, message: message(describePosition(position)) };
}
