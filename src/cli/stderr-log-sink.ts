/**
 * `igsql -v`: the library's log lines (pino JSON, already masked) shown on stderr as one readable
 * line each: `igsql 12:48:35.445 info  query: query started queryId=1 sql="SELECT 1"`.
 */
import type { LogSink } from '../logging/logger.js';

const SKIP = new Set(['level', 'time', 'module', 'msg', 'v']);

export function formatLogLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return `igsql ${line.trimEnd()}\n`;
  }
  const time = typeof entry['time'] === 'string' ? entry['time'].slice(11, 23) : '';
  const level = String(entry['level'] ?? '').padEnd(5);
  const module = entry['module'] === undefined ? '' : `${String(entry['module'])}: `;
  const fields = Object.entries(entry)
    .filter(([key]) => !SKIP.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' && !/[\s"=]/.test(value) ? value : JSON.stringify(value)}`);
  return `igsql ${time} ${level} ${module}${String(entry['msg'] ?? '')}${fields.length > 0 ? ` ${fields.join(' ')}` : ''}\n`;
}

export function stderrLogSink(write: (text: string) => void): LogSink {
  return { write: (line: string) => write(formatLogLine(line)) };
}
