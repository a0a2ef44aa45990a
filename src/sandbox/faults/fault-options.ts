/**
 * The `faults` option of startSandbox: faults injected at random (`rate`, `kinds`, `seed`) or by
 * script (rules matching method, path and the nth matching request). Validated here with clear
 * errors; faults are normalised to {@link Fault} with their defaults filled in.
 */
import { IgsqlError } from '../../errors.js';
import type { InvalidationReason } from '../tokens/token-errors.js';
import { THROTTLE_CODES, type ThrottleCode } from '../rate-limits/throttle-errors.js';

export const FAULT_KINDS = ['server-error', 'unavailable', 'reset', 'slow-body', 'token-expired', 'token-invalidated', 'rate-limit', 'transient'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** A fault: its kind name, or an object with the kind and its parameters. */
export type FaultSpec =
  | FaultKind
  /** HTTP 500 with a code 1 (default, `An unknown error has occurred.`) or code 2 envelope. */
  | { kind: 'server-error'; code?: 1 | 2 }
  /** HTTP 503, plain text, no Graph envelope (as from a load balancer). */
  | { kind: 'unavailable' }
  /** Status line, headers and part of the body (default half), then the connection is reset. */
  | { kind: 'reset'; afterBytes?: number }
  /** Status line, headers and the first `afterBytes` (default min(1024, half)), a stall of `stallMs` (default 1000), then the rest. */
  | { kind: 'slow-body'; stallMs?: number; afterBytes?: number }
  /** The request's token expires now (token registry): 190/463 now and on every later use. */
  | { kind: 'token-expired' }
  /** The request's token is invalidated (default `password-changed`: 190/460). */
  | { kind: 'token-invalidated'; reason?: InvalidationReason }
  /** A throttling error: code 4, 17, 32, 613 or 80002 (default), with usage headers at ≥ 100 %. */
  | { kind: 'rate-limit'; code?: ThrottleCode; regainMinutes?: number }
  /** HTTP 500, code 2, `is_transient: true`. */
  | { kind: 'transient' };

export interface Fault {
  readonly kind: FaultKind;
  readonly code: number | undefined;
  readonly stallMs: number;
  readonly afterBytes: number | undefined;
  readonly reason: InvalidationReason;
  readonly regainMinutes: number;
}

export interface FaultMatch {
  /** GET, POST or DELETE (any when left out). */
  method?: string;
  /** A path without version: a pattern (`/{ig-user-id}/media`: `{x}` or `*` is one segment, `**` the rest) or a RegExp tested against the path. */
  path?: string | RegExp;
  /** Fire on the nth matching request(s) only (1-based, counted per rule). */
  nth?: number | readonly number[];
  /** Only HTTP requests or only batch operations (default both). */
  source?: 'http' | 'batch';
}

export interface FaultRule {
  match?: FaultMatch;
  fault: FaultSpec;
  /** Most times the rule fires (default: unlimited, or once per listed nth). */
  times?: number;
}

export interface FaultOptions {
  /** Probability (0–1) that an HTTP request gets a random fault (batch operations are not drawn). */
  rate?: number;
  /** Kinds drawn from at random (default server-error, unavailable, reset, transient). */
  kinds?: readonly FaultSpec[];
  /** Seed of the random draws (default: the sandbox seed). */
  seed?: number;
  /** Scripted faults, checked in order before the random draw; the first rule that fires wins. */
  script?: readonly FaultRule[];
}

export interface ResolvedRule {
  readonly method: string | undefined;
  readonly path: RegExp | undefined;
  readonly nth: readonly number[] | undefined;
  readonly source: 'http' | 'batch' | undefined;
  readonly fault: Fault;
  readonly times: number;
}

export interface ResolvedFaults {
  readonly rate: number;
  readonly kinds: readonly Fault[];
  readonly seed: number | undefined;
  readonly script: readonly ResolvedRule[];
}

export const DEFAULT_RANDOM_KINDS: readonly FaultKind[] = ['server-error', 'unavailable', 'reset', 'transient'];

function usage(message: string): IgsqlError {
  return new IgsqlError('usage', `startSandbox: ${message}`);
}

function nonNegative(where: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw usage(`${where} must be a non-negative integer, got ${String(value)}`);
  return value;
}

export function resolveFault(spec: FaultSpec, where: string): Fault {
  const object = (typeof spec === 'string' ? { kind: spec } : spec) as Record<string, unknown> & { kind?: unknown };
  if (typeof object !== 'object' || object === null || !FAULT_KINDS.includes(object.kind as FaultKind)) {
    throw usage(`${where} must be one of ${FAULT_KINDS.join(', ')} (or { kind, ... }), got ${JSON.stringify(spec)}`);
  }
  const kind = object.kind as FaultKind;
  let code: number | undefined;
  if (kind === 'server-error') {
    code = object['code'] === undefined ? 1 : Number(object['code']);
    if (code !== 1 && code !== 2) throw usage(`${where}.code must be 1 or 2 for server-error, got ${String(object['code'])}`);
  } else if (kind === 'rate-limit') {
    code = object['code'] === undefined ? 80002 : Number(object['code']);
    if (!THROTTLE_CODES.includes(code as ThrottleCode)) throw usage(`${where}.code must be one of ${THROTTLE_CODES.join(', ')}, got ${String(object['code'])}`);
  }
  const reason = (object['reason'] ?? 'password-changed') as InvalidationReason;
  if (!['password-changed', 'logged-out', 'app-not-authorized', 'data-access-expired', 'invalid'].includes(reason)) {
    throw usage(`${where}.reason must be password-changed, logged-out, app-not-authorized, data-access-expired or invalid, got ${String(reason)}`);
  }
  const afterBytes = object['afterBytes'] === undefined ? undefined : nonNegative(`${where}.afterBytes`, object['afterBytes'], 0);
  const regainMinutes = nonNegative(`${where}.regainMinutes`, object['regainMinutes'], 5);
  if (kind === 'rate-limit' && regainMinutes < 1) throw usage(`${where}.regainMinutes must be at least 1`);
  return { kind, code, stallMs: nonNegative(`${where}.stallMs`, object['stallMs'], 1000), afterBytes, reason, regainMinutes };
}

/** `/{ig-user-id}/media` → /^\/[^/]+\/media$/ (a leading version is ignored). */
export function pathPattern(pattern: string): RegExp {
  const segments = pattern.replace(/^\/?v\d+\.\d+(?=\/|$)/, '').split('/').filter((s) => s !== '');
  const parts = segments.map((s) => (s === '**' ? '(?:/.*)?' : `/${/^\{[^}]*\}$|^\*$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  return new RegExp(`^${parts.join('') || '/'}$`);
}

function resolveRule(rule: FaultRule, i: number): ResolvedRule {
  const where = `faults.script[${i}]`;
  if (typeof rule !== 'object' || rule === null || rule.fault === undefined) throw usage(`${where} must be { match?, fault, times? }`);
  const match = rule.match ?? {};
  const method = match.method?.toUpperCase();
  if (method !== undefined && !['GET', 'POST', 'DELETE'].includes(method)) throw usage(`${where}.match.method must be GET, POST or DELETE, got ${match.method}`);
  const nth = match.nth === undefined ? undefined : (typeof match.nth === 'number' ? [match.nth] : [...match.nth]);
  if (nth !== undefined && nth.some((n) => !Number.isInteger(n) || n < 1)) throw usage(`${where}.match.nth must be positive integers (1 = the first matching request)`);
  if (match.source !== undefined && match.source !== 'http' && match.source !== 'batch') throw usage(`${where}.match.source must be 'http' or 'batch'`);
  const path = match.path === undefined ? undefined : match.path instanceof RegExp ? match.path : pathPattern(match.path);
  const times = rule.times === undefined ? (nth === undefined ? Infinity : nth.length) : nonNegative(`${where}.times`, rule.times, 0);
  return { method, path, nth, source: match.source, fault: resolveFault(rule.fault, `${where}.fault`), times };
}

export function resolveFaults(options: FaultOptions = {}): ResolvedFaults {
  if (typeof options !== 'object' || options === null) throw usage('faults must be an object { rate?, kinds?, seed?, script? }');
  const rate = options.rate ?? 0;
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) throw usage(`faults.rate must be a number from 0 to 1, got ${String(options.rate)}`);
  const kinds = (options.kinds ?? DEFAULT_RANDOM_KINDS).map((k, i) => resolveFault(k, `faults.kinds[${i}]`));
  if (kinds.length === 0) throw usage('faults.kinds must list at least one kind');
  const seed = options.seed === undefined ? undefined : nonNegative('faults.seed', options.seed, 0);
  return { rate, kinds, seed, script: (options.script ?? []).map(resolveRule) };
}
