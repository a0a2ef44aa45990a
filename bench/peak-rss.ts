/**
 * This process's peak RSS, MB, for the workers' reports. On Linux it is VmHWM (/proc/self/status):
 * getrusage's maxRSS (`process.resourceUsage().maxRSS`) starts at the parent's RSS, since Linux
 * keeps the forked image's high-water mark across exec, so a worker spawned by a parent holding
 * 300 MB reported at least 300 MB whatever it used itself. VmHWM is the worker's own.
 */
import { readFileSync } from 'node:fs';

export function peakRssMb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // no /proc (not Linux): getrusage's number
  }
  return process.resourceUsage().maxRSS / 1024;
}
