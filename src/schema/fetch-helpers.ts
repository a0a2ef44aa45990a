/**
 * Small async building blocks for view fetchers: chunking, ordered bounded concurrency (so that
 * independent Graph requests overlap while rows still come out in order), and a k-way merge of
 * ordered streams (several accounts' media, newest first).
 */

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Applies `fn` to each input with at most `concurrency` calls in flight, yielding results in input
 * order. Pulls the next input only when there is room, so a consumer that stops early (LIMIT) stops
 * the source too.
 */
export async function* ordered<T, R>(
  source: Iterable<T> | AsyncIterable<T>,
  concurrency: number,
  fn: (item: T) => Promise<R>,
): AsyncGenerator<R> {
  const limit = Math.max(1, concurrency);
  const pending: Promise<R>[] = [];
  const iterator = (Symbol.asyncIterator in source
    ? (source as AsyncIterable<T>)[Symbol.asyncIterator]()
    : toAsync(source as Iterable<T>));
  let done = false;
  try {
    for (;;) {
      while (!done && pending.length < limit) {
        const next = await iterator.next();
        if (next.done) {
          done = true;
          break;
        }
        const promise = fn(next.value);
        promise.catch(() => undefined); // awaited below; avoid an unhandled rejection meanwhile
        pending.push(promise);
      }
      const head = pending.shift();
      if (head === undefined) return;
      yield await head;
    }
  } finally {
    if (!done) await iterator.return?.();
  }
}

/** Pages with each item mapped (a page stays a page: a consumer that stops early stops the source). */
export async function* mapPages<T, R>(pages: AsyncIterable<readonly T[]>, map: (item: T) => R): AsyncGenerator<R[]> {
  for await (const page of pages) yield page.map(map);
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

/** Runs `fn` over all items with bounded concurrency; results in input order. */
export async function mapConcurrent<T, R>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for await (const result of ordered(items, concurrency, fn)) results.push(result);
  return results;
}

/**
 * Merges page streams that are each sorted by `key` (descending when `descending`), yielding pages
 * of the merged order. Each source is read a page at a time, so LIMIT still stops paging early.
 */
export async function* mergeOrdered<T>(
  sources: readonly AsyncIterable<readonly T[]>[],
  key: (item: T) => number,
  descending: boolean,
): AsyncGenerator<T[]> {
  if (sources.length === 1) {
    for await (const page of sources[0]!) yield [...page];
    return;
  }
  const iterators = sources.map((s) => s[Symbol.asyncIterator]());
  const buffers: T[][] = iterators.map(() => []);
  const finished = iterators.map(() => false);
  const refill = async (i: number): Promise<void> => {
    while (buffers[i]!.length === 0 && !finished[i]) {
      const next = await iterators[i]!.next();
      if (next.done) finished[i] = true;
      else buffers[i] = [...next.value];
    }
  };
  try {
    await Promise.all(iterators.map((_, i) => refill(i)));
    let out: T[] = [];
    for (;;) {
      let best = -1;
      for (let i = 0; i < buffers.length; i++) {
        const head = buffers[i]![0];
        if (head === undefined) continue;
        if (best < 0) best = i;
        else {
          const a = key(head);
          const b = key(buffers[best]![0]!);
          if (descending ? a > b : a < b) best = i;
        }
      }
      if (best < 0) break;
      out.push(buffers[best]!.shift()!);
      if (buffers[best]!.length === 0) {
        if (out.length > 0) {
          yield out;
          out = [];
        }
        await refill(best);
      }
    }
    if (out.length > 0) yield out;
  } finally {
    await Promise.all(iterators.map((it, i) => (finished[i] ? undefined : it.return?.())));
  }
}

/**
 * The items of several sources, one source after the other (as a `for` over them would give),
 * with the next `ahead` sources already asked for their first item: one account's first page
 * overlaps the paging of the account before it. A source's error surfaces in its turn. When the
 * consumer stops, the sources started ahead are closed.
 */
export async function* concatAhead<T>(opens: readonly (() => AsyncIterator<T>)[], ahead: number): AsyncGenerator<T> {
  const started: { it: AsyncIterator<T>; first: Promise<IteratorResult<T>> }[] = [];
  let opened = 0;
  const fill = (room: number): void => {
    while (opened < opens.length && started.length < room) {
      const it = opens[opened++]!();
      const first = it.next();
      first.catch(() => undefined); // awaited in its turn
      started.push({ it, first });
    }
  };
  try {
    for (;;) {
      fill(1);
      const current = started.shift();
      if (current === undefined) return;
      fill(Math.max(0, ahead));
      let result = await current.first;
      try {
        while (!result.done) {
          yield result.value;
          result = await current.it.next();
        }
      } finally {
        if (!result.done) await current.it.return?.();
      }
    }
  } finally {
    // sources started ahead and never read: close each once its first item has come
    await Promise.all(started.map(({ it, first }) => first.then(() => it.return?.(), () => undefined)));
  }
}
