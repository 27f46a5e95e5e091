/**
 * A first-in first-out queue that one producer fills while several workers drain it, so an
 * import starts on the first files while the folder walk is still finding the rest. It holds
 * paths, never file contents.
 */
export class WorkQueue<T> {
  private readonly items: T[] = [];
  private head = 0;
  private closed = false;
  private readonly waiting: ((item: IteratorResult<T, undefined>) => void)[] = [];

  push(item: T): void {
    const worker = this.waiting.shift();
    if (worker) worker({ done: false, value: item });
    else this.items.push(item);
  }

  /** No more items will come; workers finish once the queue is empty. */
  close(): void {
    this.closed = true;
    for (const worker of this.waiting.splice(0)) worker({ done: true, value: undefined });
  }

  /**
   * Runs `work` on the items with at most `limit` in flight, until the queue is closed and empty
   * or `shouldStop` says so (checked between items). The first failure stops new work from
   * starting and is rethrown once the running items settle. A worker waiting for an item wakes
   * only on `push` or `close`, so whoever stops the work also closes the queue.
   */
  async drain(limit: number, work: (item: T) => Promise<void>, shouldStop: () => boolean): Promise<void> {
    let failure: { error: unknown } | undefined;
    const worker = async () => {
      while (!failure && !shouldStop()) {
        const next = await this.next();
        if (next.done || failure || shouldStop()) return;
        try {
          await work(next.value);
        } catch (error) {
          failure ??= { error };
        }
      }
    };
    await Promise.all(Array.from({ length: limit }, worker));
    if (failure) throw failure.error;
  }

  private next(): Promise<IteratorResult<T, undefined>> {
    if (this.head < this.items.length) {
      const item = this.items[this.head++] as T;
      if (this.head === this.items.length) {
        this.items.length = 0;
        this.head = 0;
      }
      return Promise.resolve({ done: false, value: item });
    }
    if (this.closed) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
