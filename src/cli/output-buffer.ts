/**
 * Collects output text and writes it in chunks: rows that arrive together (a page of a Graph edge)
 * go out in one write, and nothing waits longer than the current turn of the event loop.
 */
export class OutputBuffer {
  readonly #write: (text: string) => void;
  #parts: string[] = [];
  #size = 0;
  #scheduled = false;

  constructor(write: (text: string) => void) {
    this.#write = write;
  }

  push(text: string): void {
    this.#parts.push(text);
    this.#size += text.length;
    if (this.#size >= 64 * 1024) {
      this.flush();
    } else if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(() => {
        this.#scheduled = false;
        this.flush();
      });
    }
  }

  flush(): void {
    if (this.#parts.length === 0) return;
    const text = this.#parts.join('');
    this.#parts = [];
    this.#size = 0;
    this.#write(text);
  }
}
