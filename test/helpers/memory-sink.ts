/** An in-memory log sink: collects every line written, parsed as JSON (pino's sink() pattern). */
export class MemorySink {
  readonly lines: string[] = [];

  write(line: string): boolean {
    this.lines.push(line);
    return true;
  }

  get text(): string {
    return this.lines.join('');
  }

  records(): Array<Record<string, unknown>> {
    return this.lines.flatMap((chunk) => chunk.split('\n').filter((l) => l.trim() !== '')).map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}
