/**
 * Coalesces bursts of changes into at most one call per interval (a send updates an item several
 * times within milliseconds). The last change is always delivered: the call runs after the
 * interval, with whatever state is current then.
 */
export class ChangeNotifier {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deliver: () => void,
    private readonly intervalMs = 100,
  ) {}

  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.deliver();
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Delivers a pending change now and stops. */
  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.deliver();
  }
}
