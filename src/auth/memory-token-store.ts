/**
 * `OAuthSettingsLocation=memory://name`: tokens kept in this process only, shared by every
 * connection that uses the same name. The registry hangs off `globalThis` under a
 * `Symbol.for` key, so two copies of igsql loaded in one process (dist and src, two versions)
 * still share it. `update` calls on one name run one at a time.
 */
import type { StoredTokens } from './stored-tokens.js';
import type { TokenStore, UpdateOptions, UpdateStep } from './token-store.js';
import { abortError } from './sleep.js';

interface Slot {
  tokens: StoredTokens | undefined;
  queue: Promise<void>;
}

const REGISTRY = Symbol.for('igsql.memoryTokenStores');

function registry(): Map<string, Slot> {
  const g = globalThis as { [REGISTRY]?: Map<string, Slot> };
  g[REGISTRY] ??= new Map();
  return g[REGISTRY];
}

export class MemoryTokenStore implements TokenStore {
  readonly location: string;
  readonly #slot: Slot;

  private constructor(name: string, slot: Slot) {
    this.location = `memory://${name}`;
    this.#slot = slot;
  }

  /** The store of this name (created empty on first use). */
  static named(name: string): MemoryTokenStore {
    const slots = registry();
    let slot = slots.get(name);
    if (!slot) {
      slot = { tokens: undefined, queue: Promise.resolve() };
      slots.set(name, slot);
    }
    return new MemoryTokenStore(name, slot);
  }

  /** Forget every memory store (tests). */
  static resetAll(): void {
    registry().clear();
  }

  async read(): Promise<StoredTokens | undefined> {
    return this.#slot.tokens;
  }

  async update<T>(fn: (current: StoredTokens | undefined) => Promise<UpdateStep<T>> | UpdateStep<T>, options: UpdateOptions = {}): Promise<T> {
    const previous = this.#slot.queue;
    let done!: () => void;
    this.#slot.queue = new Promise<void>((resolve) => (done = resolve));
    try {
      await previous;
      if (options.signal?.aborted) throw abortError(options.signal);
      const step = await fn(this.#slot.tokens);
      if (step.next !== undefined) this.#slot.tokens = step.next ?? undefined;
      return step.result;
    } finally {
      done();
    }
  }

  async clear(): Promise<void> {
    await this.update(() => ({ next: null, result: undefined }));
  }
}
