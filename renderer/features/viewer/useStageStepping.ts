import { useEffect, useRef, useState } from 'react';
import type { HungProtocol } from '../../../shared/hanging/hung-layout';
import { STAGE_KEYS } from '../../imaging/tools/shortcuts';

/** Keys that step through a protocol's stages: Page Down / N forward, Page Up / B back. */
const NEXT = new Set<string>(STAGE_KEYS.next);
const PREVIOUS = new Set<string>(STAGE_KEYS.previous);

/**
 * The current stage, stepped by keyboard. Stages without any image are skipped, so a study with
 * no prior goes from the 4-up straight to the single views. The study is hung again as images
 * arrive (a prior retrieved in the background, one image after another): the reader stays on the
 * stage they stepped to while it still exists, and starts on the first filled one otherwise.
 */
export function useStageStepping(hung: HungProtocol | undefined): [number, (index: number) => void] {
  const [index, setIndex] = useState(0);
  const shown = useRef<{ protocol: string; stage: string } | undefined>(undefined);
  useEffect(() => {
    const previous = shown.current;
    const same = previous && hung?.protocolId === previous.protocol ? hung.stages.findIndex((s) => s.name === previous.stage && s.filled > 0) : -1;
    setIndex(same >= 0 ? same : firstFilled(hung));
  }, [hung]);
  useEffect(() => {
    const stage = hung?.stages[index];
    shown.current = hung && stage ? { protocol: hung.protocolId, stage: stage.name } : undefined;
  }, [hung, index]);
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
