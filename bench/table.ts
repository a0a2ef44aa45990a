/** The benchmark's table: one line per workload and latency, the targets' ratios at the end. */

export interface Measured {
  readonly calls: number;
  /** Wall time of the measured run (the second query of the process when the client ran twice). */
  readonly ms: number;
  /** The first query of a fresh process. */
  readonly coldMs: number;
  readonly runs: number;
  readonly rows: number;
  readonly peakRssMb: number;
  /** CPU time of the sandbox's process while the client ran (rendering, JSON, HTTP), per run. */
  readonly sandboxCpuMs: number;
}

export interface Result {
  readonly workload: string;
  readonly title: string;
  readonly sql: string;
  readonly latencyMs: number;
  readonly igsql: Measured;
  readonly ungrouped: Measured | undefined;
  readonly sdk: Measured | undefined;
  readonly lowerBound: { readonly calls: number; readonly ms: number };
}

const ms = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(0)} ms`);
const ratio = (a: number, b: number) => (b > 0 && a > 0 ? `${(a / b).toFixed(1)}×` : '–');

/** Markdown table lines (also what docs/performance.md shows). */
export function tableLines(results: readonly Result[]): string[] {
  const lines = [
    '| Workload | Latency | igsql calls | igsql time | igsql first query | igsql peak RSS | sandbox CPU | rows | grouping off: calls | time | Meta SDK: calls | time | lower bound: calls | time | SDK calls ÷ igsql | SDK time ÷ igsql | igsql ÷ lower bound |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const sdk = r.sdk;
    lines.push(
      `| ${r.workload} | ${r.latencyMs} ms | ${r.igsql.calls} | ${ms(r.igsql.ms)} | ${r.igsql.runs > 1 ? ms(r.igsql.coldMs) : '–'} | ${r.igsql.peakRssMb.toFixed(0)} MB | ${ms(r.igsql.sandboxCpuMs)} | ${r.igsql.rows} | ` +
        `${r.ungrouped ? r.ungrouped.calls : '–'} | ${r.ungrouped ? ms(r.ungrouped.ms) : '–'} | ${sdk ? sdk.calls : '–'} | ${sdk ? ms(sdk.ms) : '–'} | ` +
        `${r.lowerBound.calls} | ${r.latencyMs > 0 ? ms(r.lowerBound.ms) : '–'} | ${sdk ? ratio(sdk.calls, r.igsql.calls) : '–'} | ` +
        `${sdk ? ratio(sdk.ms, r.igsql.ms) : '–'} | ${r.latencyMs > 0 ? ratio(r.igsql.ms, r.lowerBound.ms) : '–'} |`,
    );
  }
  return lines;
}

export interface EngineResult {
  readonly rows: number;
  /** Best of 10 after 10 untimed runs. */
  readonly igsqlMs: number;
  readonly sqliteMs: number;
  readonly ratio: number;
  /** The first run of the process (V8 has not optimised the engine's loops yet). */
  readonly igsqlFirstMs: number;
  readonly sqliteFirstMs: number;
  readonly firstRatio: number;
}

export function printTable(results: readonly Result[], engine: EngineResult | undefined): void {
  console.log(tableLines(results).join('\n'));
  if (engine) {
    console.log(
      `\nEngine at 0 ms (filter + GROUP BY over ${engine.rows} rows in memory): igsql ${engine.igsqlMs.toFixed(0)} ms, ` +
        `better-sqlite3 ${engine.sqliteMs.toFixed(0)} ms: ${engine.ratio.toFixed(2)}× (target ≤ 3×; best of 10 after 10 untimed runs). ` +
        `First run of the process: igsql ${engine.igsqlFirstMs.toFixed(0)} ms, better-sqlite3 ${engine.sqliteFirstMs.toFixed(0)} ms: ${engine.firstRatio.toFixed(2)}×`,
    );
  }
}
