import type { Readable, Writable } from 'node:stream';

/** Where the CLI writes and what environment it reads; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal (queries then print a table by default). Default false. */
  readonly stdoutIsTTY?: boolean;
  /** Where SQL comes from when none is given; undefined: no input. */
  readonly stdin?: Readable;
  /** True when stdin is a terminal: no SQL given means the interactive prompt. Default false. */
  readonly stdinIsTTY?: boolean;
  /** Where the interactive prompt draws (stdout's stream). */
  readonly terminal?: Writable;
  /** Calls `handler` on Ctrl-C (SIGINT) until the returned function is called. */
  onInterrupt?(handler: () => void): () => void;
}

let pipeWatched = false;

export function processIo(): CliIo {
  if (!pipeWatched) {
    pipeWatched = true;
    // `igsql "..." | head`: the reader left; stop quietly instead of crashing on EPIPE.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stdin: process.stdin,
    stdinIsTTY: process.stdin.isTTY === true,
    terminal: process.stdout,
    onInterrupt(handler) {
      process.on('SIGINT', handler);
      return () => void process.off('SIGINT', handler);
    },
  };
}
