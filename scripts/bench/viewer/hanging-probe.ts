/**
 * What the in-page probe recorded, in ms from the double-click that opened the study (the
 * page's own clock, so no harness latency is counted).
 */
export interface HangingTimes {
  /** When each SOP Instance UID first showed as rendered in any viewport. */
  renderedAt: Record<string, number>;
  /** When every viewport of each stage had rendered, by stage name (`data-stage`). */
  stageDoneAt: Record<string, number>;
  done: boolean;
  error?: string;
}

interface ProbeWindow {
  tandemBenchProbe?: HangingTimes;
}

/**
 * Runs IN THE PAGE (passed to page.evaluate). Watches the viewer's render signals
 * (`data-render-state` on each `.image-viewport`, `data-stage` on the stage grid): records when
 * each image first renders and when each stage is complete, then presses Page Down at once, as
 * a reader stepping straight through, until `steps` steps are done and that stage is complete.
 */
export function installHangingProbe(steps: number): void {
  const state: HangingTimes = { renderedAt: {}, stageDoneAt: {}, done: false };
  (window as ProbeWindow).tandemBenchProbe = state;
  let start = Number.NaN;
  let stepped = 0;
  document.addEventListener('dblclick', () => {
    if (Number.isNaN(start)) start = performance.now();
  }, true);
  const check = () => {
    if (Number.isNaN(start) || state.done) return;
    const now = performance.now() - start;
    const failed = document.querySelector('[data-render-state="error"]');
    if (failed) {
      state.error = `a viewport failed: ${failed.textContent ?? ''}`;
      state.done = true;
      return;
    }
    for (const cell of Array.from(document.querySelectorAll<HTMLElement>('.hung-image[data-sop-instance-uid]'))) {
      const uid = cell.dataset['sopInstanceUid']!;
      if (cell.querySelector('.image-viewport')?.getAttribute('data-render-state') === 'rendered' && !(uid in state.renderedAt)) state.renderedAt[uid] = now;
    }
    const grid = document.querySelector<HTMLElement>('[data-testid="stage-grid"]');
    const stage = grid?.dataset['stage'];
    if (!grid || !stage || stage in state.stageDoneAt) return;
    const cells = grid.querySelectorAll('.hung-image');
    const viewports = Array.from(grid.querySelectorAll('.image-viewport'));
    if (cells.length === 0 || viewports.length !== cells.length || !viewports.every((v) => v.getAttribute('data-render-state') === 'rendered')) return;
    state.stageDoneAt[stage] = now;
    if (stepped < steps) {
      stepped++;
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true }));
    } else {
      state.done = true;
    }
  };
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-render-state', 'data-stage'] });
}

/** Runs IN THE PAGE: what the probe recorded so far. */
export function readHangingProbe(): HangingTimes | undefined {
  return (window as ProbeWindow).tandemBenchProbe;
}
