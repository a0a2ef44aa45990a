import { createRequire } from 'node:module';
import type { DestinationStream, Logger as PinoLogger, pino as Pino } from 'pino';
import { IgsqlError } from '../errors.js';
import { type LogModule, parseLogModules } from './log-modules.js';
import { MASK, maskSecrets, maskValue } from './mask.js';
import { RotatingFile } from './rotating-file.js';

export type { LogModule } from './log-modules.js';
export { LOG_MODULES } from './log-modules.js';

/** The logging connection properties (CData names; MaxLogFileSize in bytes). */
export interface LoggingOptions {
  Logfile?: string | undefined;
  /** 1–5 (CData meaning, see docs/network.md). Default 1. */
  Verbosity?: number | string | undefined;
  LogModules?: string | undefined;
  MaxLogFileSize?: number | undefined;
  MaxLogFileCount?: number | undefined;
}

/** 1 queries/rows/timings/errors · 2 + request summaries · 3 + headers/bodies · 4 + transport/TLS · 5 + everything. */
export type Verbosity = 1 | 2 | 3 | 4 | 5;

/** Where log lines go besides (or instead of) Logfile, e.g. `process.stderr` for `igsql -v`. */
export interface LogSink {
  write(line: string): unknown;
}

export interface ModuleLogger {
  readonly module: LogModule;
  /** False when logging is off, the module is filtered out, or Verbosity is below `level`. */
  enabled(level: Verbosity): boolean;
  /** A line shown from Verbosity `level` up. Strings and objects are masked before writing. */
  log(level: Verbosity, fields: Record<string, unknown>, msg: string): void;
  /** Warnings and errors show at every Verbosity (when logging is on and the module selected). */
  warn(fields: Record<string, unknown>, msg: string): void;
  error(fields: Record<string, unknown>, msg: string): void;
  /** A logger of the same module with extra fields on every line (e.g. `{ queryId }`). */
  child(bindings: Record<string, unknown>): ModuleLogger;
}

export interface Logger {
  /** 0 when silent, else 1–5. */
  readonly verbosity: number;
  /** The underlying pino logger (already masked and levelled). */
  readonly pino: PinoLogger;
  module(name: LogModule): ModuleLogger;
  /** Close the log file (lines are written synchronously; nothing is buffered). */
  close(): void;
}

/** Fixed object paths pino redacts (belt and braces: every line is also masked by key and by content). */
export const REDACT_PATHS = [
  'password', 'token', 'accessToken', 'refreshToken', 'clientSecret', 'appSecret', 'access_token', 'client_secret',
  '*.password', '*.accessToken', '*.access_token', '*.clientSecret', '*.client_secret', '*.appSecret',
  'headers.authorization', 'headers["proxy-authorization"]', '*.headers.authorization', '*.headers["proxy-authorization"]',
  'ProxyPassword', 'FirewallPassword', 'OAuthClientSecret', 'OAuthAccessToken', 'OAuthRefreshToken',
];

/** pino is loaded when a logger writes somewhere: a silent library (the default) never needs it. */
let loadedPino: typeof Pino | undefined;
function loadPino(): typeof Pino {
  return (loadedPino ??= (createRequire(import.meta.url)('pino') as { pino: typeof Pino }).pino);
}

const PINO_LEVEL = { 1: 'info', 2: 'debug', 3: 'trace', 4: 'trace', 5: 'trace' } as const;

/**
 * Build the igsql logger from the Logging properties. Without Logfile and without `sink` it is
 * silent (a library logs nothing unless asked). With both, lines go to both.
 */
export function createLogger(options: LoggingOptions = {}, sink?: LogSink): Logger {
  const verbosity = normaliseVerbosity(options.Verbosity);
  const modules = parseLogModules(options.LogModules);
  const file = options.Logfile ? new RotatingFile(options.Logfile, { maxSize: options.MaxLogFileSize, maxCount: options.MaxLogFileCount }) : undefined;
  const targets: LogSink[] = [...(file ? [file] : []), ...(sink ? [sink] : [])];
  if (targets.length === 0) return silentLogger;
  const stream: DestinationStream = {
    write(line: string) {
      for (const target of targets) target.write(line);
    },
  };
  const root = loadPino()(
    {
      level: PINO_LEVEL[verbosity],
      base: undefined,
      timestamp: isoTime,
      redact: { paths: REDACT_PATHS, censor: MASK },
      // errors are already flattened and masked by formatters.log
      serializers: { err: (e: unknown) => e },
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (bindings) => maskValue(bindings) as Record<string, unknown>,
        log: (object) => maskValue(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskSecrets(a) : a)) as Parameters<typeof method>;
          method.apply(this, masked);
        },
      },
    },
    stream,
  );
  return {
    verbosity,
    pino: root,
    module: (name) => moduleLogger(root.child({ module: name }), name, verbosity, modules === undefined || modules.has(name)),
    close: () => file?.close(),
  };
}

function moduleLogger(p: PinoLogger, name: LogModule, verbosity: number, selected: boolean): ModuleLogger {
  const on = selected && verbosity > 0;
  return {
    module: name,
    enabled: (level) => on && level <= verbosity,
    log(level, fields, msg) {
      if (!on || level > verbosity) return;
      p[PINO_LEVEL[level]]({ v: level, ...fields }, msg);
    },
    warn(fields, msg) {
      if (on) p.warn(fields, msg);
    },
    error(fields, msg) {
      if (on) p.error(fields, msg);
    },
    // pino formats bindings of the root only: mask child bindings here
    child: (bindings) => moduleLogger(p.child(maskValue(bindings) as Record<string, unknown>), name, verbosity, selected),
  };
}

function normaliseVerbosity(raw: number | string | undefined): Verbosity {
  if (raw === undefined || raw === '') return 1;
  const value = typeof raw === 'string' ? Number(raw.trim()) : raw;
  if (!Number.isInteger(value) || value < 1 || value > 5) {
    throw new IgsqlError('config', `Verbosity must be a whole number from 1 to 5, not ${String(raw)}.`, { details: { property: 'Verbosity' } });
  }
  return value as Verbosity;
}

const silentModule = (name: LogModule): ModuleLogger => ({
  module: name,
  enabled: () => false,
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentModule(name),
});

/** pino's stdTimeFunctions.isoTime. */
const isoTime = (): string => `,"time":"${new Date(Date.now()).toISOString()}"`;

let silentPino: PinoLogger | undefined;

/** The logger that writes nothing (the library default). */
export const silentLogger: Logger = {
  verbosity: 0,
  get pino() {
    return (silentPino ??= loadPino()({ level: 'silent' }));
  },
  module: silentModule,
  close: () => undefined,
};
