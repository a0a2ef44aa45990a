/**
 * Date functions, all in UTC. A date argument may be a Datetime, an ISO 8601 string, 'now', or a
 * number of seconds since 1970-01-01 (Unix time). Date parts follow T-SQL (DATEADD, DATEDIFF,
 * DATEPART: `year`/`yy`, `quarter`/`q`, `month`/`mm`/`m`, `week`/`wk`, `day`/`dd`/`d`,
 * `dayofyear`/`dy`, `weekday`/`dw`, `hour`/`hh`, `minute`/`mi`/`n`, `second`/`ss`/`s`, `millisecond`/`ms`).
 */
import type { SqlValue } from '../../schema/types.js';
import { describeValue, execError, parseDatetime, type StaticType } from '../values.js';
import { fn, intArg, type FunctionContext, type SqlFunction } from './function.js';
import { strftime } from './strftime.js';

export type DatePart = 'year' | 'quarter' | 'month' | 'week' | 'day' | 'dayofyear' | 'weekday' | 'hour' | 'minute' | 'second' | 'millisecond' | 'epoch';

const PARTS: Readonly<Record<string, DatePart>> = {
  year: 'year', years: 'year', yy: 'year', yyyy: 'year',
  quarter: 'quarter', quarters: 'quarter', qq: 'quarter', q: 'quarter',
  month: 'month', months: 'month', mm: 'month', m: 'month',
  week: 'week', weeks: 'week', wk: 'week', ww: 'week', isowk: 'week',
  day: 'day', days: 'day', dd: 'day', d: 'day',
  dayofyear: 'dayofyear', doy: 'dayofyear', dy: 'dayofyear', y: 'dayofyear',
  weekday: 'weekday', dw: 'weekday', w: 'weekday', dow: 'weekday',
  hour: 'hour', hours: 'hour', hh: 'hour',
  minute: 'minute', minutes: 'minute', mi: 'minute', n: 'minute',
  second: 'second', seconds: 'second', ss: 'second', s: 'second',
  millisecond: 'millisecond', milliseconds: 'millisecond', ms: 'millisecond',
  epoch: 'epoch',
};

const DAY_MS = 86_400_000;
const UNIT_MS: Partial<Record<DatePart, number>> = { day: DAY_MS, dayofyear: DAY_MS, weekday: DAY_MS, hour: 3_600_000, minute: 60_000, second: 1000, millisecond: 1 };

export function datePart(v: SqlValue, fnName: string): DatePart {
  const part = typeof v === 'string' ? PARTS[v.trim().toLowerCase()] : undefined;
  if (part === undefined) {
    throw execError(`${fnName}: unknown date part ${describeValue(v)}; use year, quarter, month, week, day, dayofyear, weekday, hour, minute, second or millisecond`);
  }
  return part;
}

export function dateArg(v: SqlValue, fnName: string, ctx: FunctionContext): Date {
  if (v instanceof Date) return v;
  if (typeof v === 'number') return new Date(v * 1000);
  if (typeof v === 'string') {
    if (v.trim().toLowerCase() === 'now') return ctx.now;
    const d = parseDatetime(v);
    if (d) return d;
  }
  throw execError(`${fnName}: ${describeValue(v)} is not a date/time; write ISO 8601 like '2026-01-31' or '2026-01-31T12:00:00Z'`);
}

function addMonths(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const target = new Date(Date.UTC(y, m, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return target;
}

export function dateAdd(part: DatePart, n: number, d: Date): Date {
  switch (part) {
    case 'year': return addMonths(d, 12 * n);
    case 'quarter': return addMonths(d, 3 * n);
    case 'month': return addMonths(d, n);
    case 'week': return new Date(d.getTime() + 7 * n * DAY_MS);
    case 'epoch': return new Date(d.getTime() + n * 1000);
    default: return new Date(d.getTime() + n * UNIT_MS[part]!);
  }
}

const sundayWeek = (t: number): number => Math.floor((Math.floor(t / DAY_MS) + 4) / 7);

export function dateDiff(part: DatePart, a: Date, b: Date): number {
  const [y1, y2] = [a.getUTCFullYear(), b.getUTCFullYear()];
  switch (part) {
    case 'year': return y2 - y1;
    case 'quarter': return y2 * 4 + Math.floor(b.getUTCMonth() / 3) - (y1 * 4 + Math.floor(a.getUTCMonth() / 3));
    case 'month': return y2 * 12 + b.getUTCMonth() - (y1 * 12 + a.getUTCMonth());
    case 'week': return sundayWeek(b.getTime()) - sundayWeek(a.getTime());
    case 'epoch': return Math.floor(b.getTime() / 1000) - Math.floor(a.getTime() / 1000);
    default: {
      const unit = UNIT_MS[part]!;
      return Math.floor(b.getTime() / unit) - Math.floor(a.getTime() / unit);
    }
  }
}

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1;
}

export function datePartOf(part: DatePart, d: Date): number {
  switch (part) {
    case 'year': return d.getUTCFullYear();
    case 'quarter': return Math.floor(d.getUTCMonth() / 3) + 1;
    case 'month': return d.getUTCMonth() + 1;
    case 'week': {
      const jan1 = new Date(Date.UTC(d.getUTCFullYear(), 0, 1)).getUTCDay();
      return Math.floor((dayOfYear(d) - 1 + jan1) / 7) + 1;
    }
    case 'day': return d.getUTCDate();
    case 'dayofyear': return dayOfYear(d);
    case 'weekday': return d.getUTCDay() + 1;
    case 'hour': return d.getUTCHours();
    case 'minute': return d.getUTCMinutes();
    case 'second': return d.getUTCSeconds();
    case 'millisecond': return d.getUTCMilliseconds();
    case 'epoch': return Math.floor(d.getTime() / 1000);
  }
}

function dateTrunc(part: DatePart, d: Date): Date {
  const y = d.getUTCFullYear();
  switch (part) {
    case 'year': return new Date(Date.UTC(y, 0, 1));
    case 'quarter': return new Date(Date.UTC(y, Math.floor(d.getUTCMonth() / 3) * 3, 1));
    case 'month': return new Date(Date.UTC(y, d.getUTCMonth(), 1));
    case 'week': {
      const day = Math.floor(d.getTime() / DAY_MS);
      return new Date((day - ((day + 3) % 7 + 7) % 7) * DAY_MS); // Monday
    }
    case 'epoch': return d;
    default: {
      const unit = UNIT_MS[part]!;
      return new Date(Math.floor(d.getTime() / unit) * unit);
    }
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const dt = (): StaticType => 'Datetime';
const int = (): StaticType => 'Integer';
const str = (): StaticType => 'String';

function now(name: string, aliases: readonly string[]): SqlFunction {
  return fn({
    name, aliases, category: 'date', minArgs: 0, maxArgs: 0, signature: `${name}()`,
    description: 'The statement\'s start time (UTC); the same value for the whole query.', example: `${name}() → 2026-05-19T23:27:28.000Z`,
    returns: dt, compile: (_t, ctx) => () => ctx.now,
  });
}

function part(name: string, p: DatePart): SqlFunction {
  return fn({
    name, category: 'date', minArgs: 1, maxArgs: 1, signature: `${name}(date)`, description: `DATEPART(${p}, date).`,
    example: `${name}('2026-05-19T23:27:28Z') → ${datePartOf(p, new Date('2026-05-19T23:27:28Z'))}`, returns: int,
    compile: (_t, ctx) => (args) => datePartOf(p, dateArg(args[0]!, name, ctx)),
  });
}

export const DATE_FUNCTIONS: readonly SqlFunction[] = [
  now('NOW', ['GETDATE', 'CURRENT_TIMESTAMP', 'GETUTCDATE', 'SYSDATETIME', 'SYSUTCDATETIME', 'UTC_TIMESTAMP', 'LOCALTIMESTAMP']),
  fn({
    name: 'CURRENT_DATE', aliases: ['CURDATE'], category: 'date', minArgs: 0, maxArgs: 0, signature: 'CURRENT_DATE',
    description: "Today's date (UTC) as 'YYYY-MM-DD' text.", example: "CURRENT_DATE → '2026-05-19'", returns: str,
    compile: (_t, ctx) => () => ctx.now.toISOString().slice(0, 10),
  }),
  fn({
    name: 'DATEADD', aliases: ['DATE_ADD'], category: 'date', minArgs: 3, maxArgs: 3, signature: 'DATEADD(part, n, date)',
    description: 'Adds n parts to date (months clamp to the month end).', example: "DATEADD(day, -7, NOW()) → a week ago", returns: dt,
    compile: (_t, ctx) => (args) => dateAdd(datePart(args[0]!, 'DATEADD'), intArg(args[1]!, 'DATEADD', 'n'), dateArg(args[2]!, 'DATEADD', ctx)),
  }),
  fn({
    name: 'DATEDIFF', category: 'date', minArgs: 3, maxArgs: 3, signature: 'DATEDIFF(part, start, end)',
    description: 'Number of part boundaries crossed from start to end (T-SQL semantics).',
    example: "DATEDIFF(day, '2026-01-01', '2026-01-31') → 30", returns: int,
    compile: (_t, ctx) => (args) => dateDiff(datePart(args[0]!, 'DATEDIFF'), dateArg(args[1]!, 'DATEDIFF', ctx), dateArg(args[2]!, 'DATEDIFF', ctx)),
  }),
  fn({
    name: 'DATEPART', category: 'date', minArgs: 2, maxArgs: 2, signature: 'DATEPART(part, date) · EXTRACT(part FROM date)',
    description: 'A part of the date as an integer (weekday: Sunday = 1; week: weeks starting Sunday, Jan 1 in week 1; epoch: Unix seconds).',
    example: "DATEPART(month, '2026-05-19') → 5", returns: int,
    compile: (_t, ctx) => (args) => datePartOf(datePart(args[0]!, 'DATEPART'), dateArg(args[1]!, 'DATEPART', ctx)),
  }),
  fn({
    name: 'DATENAME', category: 'date', minArgs: 2, maxArgs: 2, signature: 'DATENAME(part, date)',
    description: 'A part of the date as text (month and weekday names in English).', example: "DATENAME(weekday, '2026-05-19') → 'Tuesday'",
    returns: str,
    compile: (_t, ctx) => (args) => {
      const p = datePart(args[0]!, 'DATENAME');
      const d = dateArg(args[1]!, 'DATENAME', ctx);
      if (p === 'month') return MONTHS[d.getUTCMonth()]!;
      if (p === 'weekday') return WEEKDAYS[d.getUTCDay()]!;
      return String(datePartOf(p, d));
    },
  }),
  fn({
    name: 'DATE_TRUNC', aliases: ['DATETRUNC'], category: 'date', minArgs: 2, maxArgs: 2, signature: 'DATE_TRUNC(part, date)',
    description: 'The date truncated to the start of its part (weeks start Monday).', example: "DATE_TRUNC('month', '2026-05-19T10:00:00Z') → 2026-05-01T00:00:00.000Z",
    returns: dt, compile: (_t, ctx) => (args) => dateTrunc(datePart(args[0]!, 'DATE_TRUNC'), dateArg(args[1]!, 'DATE_TRUNC', ctx)),
  }),
  part('YEAR', 'year'),
  part('MONTH', 'month'),
  part('DAY', 'day'),
  part('HOUR', 'hour'),
  part('MINUTE', 'minute'),
  part('SECOND', 'second'),
  fn({
    name: 'DATE', category: 'date', minArgs: 1, maxArgs: 1, signature: 'DATE(date)', description: "The date as 'YYYY-MM-DD' text (as SQLite).",
    example: "DATE('2026-05-19T23:27:28Z') → '2026-05-19'", returns: str,
    compile: (_t, ctx) => (args) => dateArg(args[0]!, 'DATE', ctx).toISOString().slice(0, 10),
  }),
  fn({
    name: 'TIME', category: 'date', minArgs: 1, maxArgs: 1, signature: 'TIME(date)', description: "The time of day as 'HH:MM:SS' text (as SQLite).",
    example: "TIME('2026-05-19T23:27:28Z') → '23:27:28'", returns: str,
    compile: (_t, ctx) => (args) => dateArg(args[0]!, 'TIME', ctx).toISOString().slice(11, 19),
  }),
  fn({
    name: 'STRFTIME', category: 'date', minArgs: 2, maxArgs: 2, signature: 'STRFTIME(format, date)',
    description: 'Formats the date as SQLite does: %Y %m %d %H %M %S %f %j %w %u %W %s %F %T %e %k %I %l %p %R %%.',
    example: "STRFTIME('%Y-%m', '2026-05-19') → '2026-05'", returns: str,
    compile: (_t, ctx) => (args) => strftime(String(args[0]), dateArg(args[1]!, 'STRFTIME', ctx)),
  }),
  fn({
    name: 'UNIXEPOCH', category: 'date', minArgs: 1, maxArgs: 1, signature: 'UNIXEPOCH(date)', description: 'Seconds since 1970-01-01T00:00:00Z.',
    example: "UNIXEPOCH('2026-01-01') → 1767225600", returns: int,
    compile: (_t, ctx) => (args) => Math.floor(dateArg(args[0]!, 'UNIXEPOCH', ctx).getTime() / 1000),
  }),
];
