import { useEffect, useState } from 'react';
import type { HungProtocol } from '../../../shared/hanging/hung-layout';
import { STAGE_KEYS } from '../../imaging/tools/shortcuts';

/** Keys that step through a protocol's stages: Page Down / N forward, Page Up / B back. */
const NEXT = new Set<string>(STAGE_KEYS.next);
const PREVIOUS = new Set<string>(STAGE_KEYS.previous);

/**
 * The current stage, stepped by keyboard. Stages without any image are skipped, so a study with
 * no prior goes from the 4-up straight to the single views.
 */
export function useStageStepping(hung: HungProtocol | undefined): [number, (index: number) => void] {
  const [index, setIndex] = useState(0);
  useEffect(() => setIndex(firstFilled(hung)), [hung]);
  useEffect(() => {
    if (!hung) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      const step = NEXT.has(e.key) ? 1 : PREVIOUS.has(e.key) ? -1 : 0;
      if (!step) return;
      e.preventDefault();
      setIndex((i) => nextFilled(hung, i, step));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [hung]);
  return [index, setIndex];
}

function firstFilled(hung: HungProtocol | undefined): number {
  return Math.max(0, hung?.stages.findIndex((s) => s.filled > 0) ?? 0);
}

function nextFilled(hung: HungProtocol, from: number, step: 1 | -1): number {
  for (let i = from + step; i >= 0 && i < hung.stages.length; i += step) if (hung.stages[i]!.filled > 0) return i;
  return from;
}
