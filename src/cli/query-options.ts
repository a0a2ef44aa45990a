/**
 * The options of query mode (`igsql [-c cs] "<sql>"`), and what they mean once parsed: the output
 * format, the parameters, the log verbosity.
 */
import { IgsqlError } from '../errors.js';
import type { Params } from '../sql/engine.js';
import type { CliArgs } from './args.js';
import { cliParams } from './cli-params.js';
import { outputFormat, type OutputFormat } from './format.js';
import type { CliIo } from './io.js';
import type { CliOption } from './options.js';

export const QUERY_OPTIONS: readonly CliOption[] = [
  { name: 'file', short: 'f', type: 'string', value: '<file.sql>', description: 'Run the statements of a file (separated by ;), in order' },
  { name: 'param', short: 'p', type: 'string', multiple: true, value: '<value>', description: "A parameter: repeat for ? in order (-p 1 -p x), or name=value for @name; null, true, false and numbers are typed, '...' forces a string" },
  { name: 'sandbox', type: 'boolean', description: 'Run against a sandbox Graph API started in-process (demo data); -c adds properties' },
  { name: 'verbose', short: 'v', type: 'boolean', multiple: true, description: 'Log to stderr: -v (queries), -vv (requests), ... up to -vvvvv, or -v N' },
  { name: 'verbosity', type: 'string', hidden: true, description: 'The N of -v N' },
  { name: 'show-secrets', type: 'boolean', description: 'Print secret result values (tokens) instead of masking them' },
];

/**
 * `-v N` and `-vN` become `--verbosity=N` (parseArgs has no optional option values); `-v`, `-vv`
 * and `--verbose` stay flags that count.
 */
export function expandVerbose(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const joined = /^-v(\d+)$/.exec(arg);
    if (joined) {
      out.push(`--verbosity=${joined[1]}`);
    } else if ((arg === '-v' || arg === '--verbose') && /^\d+$/.test(argv[i + 1] ?? '')) {
      out.push(`--verbosity=${argv[++i]}`);
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** 0 (no -v) to 5. */
export function verbosityOf(args: CliArgs): number {
  const explicit = args.values['verbosity'];
  if (typeof explicit === 'string') {
    const n = Number(explicit);
    if (!Number.isInteger(n) || n < 1 || n > 5) throw new IgsqlError('usage', `-v ${explicit}: the verbosity must be 1 to 5.`);
    return n;
  }
  const flags = args.values['verbose'];
  return Math.min(5, Array.isArray(flags) ? flags.length : flags === true ? 1 : 0);
}

export interface QuerySettings {
  readonly format: OutputFormat;
  readonly params: Params | undefined;
  readonly showSecrets: boolean;
  readonly verbosity: number;
}

export function querySettings(args: CliArgs, io: CliIo): QuerySettings {
  const formatValue = args.values['format'];
  const params = args.values['param'];
  return {
    format: outputFormat(typeof formatValue === 'string' ? formatValue : undefined, undefined, io.stdoutIsTTY === true ? 'table' : 'csv'),
    params: cliParams(Array.isArray(params) ? params.map(String) : []),
    showSecrets: args.values['show-secrets'] === true,
    verbosity: verbosityOf(args),
  };
}
