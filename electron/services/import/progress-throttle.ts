import { performance } from 'node:perf_hooks';

/**
 * Emits progress at most once per interval while keeping the last change from going stale: a
 * change inside the interval is emitted when the interval ends. `flush` emits at once (the first
 * event, which tells the UI the import id, and the last).
 */
export class ProgressThrottle {
  private lastEmit = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly emit: () => void,
    private readonly intervalMs = 100,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Something changed. */
  schedule(): void {
    if (this.timer) return;
    const wait = this.lastEmit + this.intervalMs - this.now();
    if (wait <= 0) {
      this.flush();
      return;
    }
    this.timer = setTimeout(() => this.flush(), Math.ceil(wait));
    this.timer.unref();
  }

  /** Emits now and cancels any pending emission. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.lastEmit = this.now();
    this.emit();
  }
}
