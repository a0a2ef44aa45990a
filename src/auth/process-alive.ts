/**
 * Whether a process of this machine still runs: signal 0 checks without sending anything.
 * EPERM means it exists but belongs to another user (alive); ESRCH means it is gone.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
