import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { HungStage } from '../../../shared/hanging/hung-layout';
import { scaleGroupFactors } from '../../../shared/hanging/scale-group';

/**
 * Per slot, how many times its own extent the cell must show so that the images of each scale
 * group appear at one physical scale. Follows the grid's size, since which side limits the fit
 * depends on the cells' aspect.
 */
export function useScaleGroups(gridRef: RefObject<HTMLElement | null>, stage: HungStage | undefined): Map<string, number> {
  const [aspect, setAspect] = useState(1);
  useEffect(() => {
    const grid = gridRef.current;
    if (!grid || !stage) return;
    const measure = () => {
      const { width, height } = grid.getBoundingClientRect();
      if (width > 0 && height > 0) setAspect(Math.round(((width / stage.layout.columns) / (height / stage.layout.rows)) * 100) / 100);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(grid);
    return () => observer.disconnect();
  }, [gridRef, stage]);
  return useMemo(() => (stage ? scaleGroupFactors(stage.slots, aspect) : new Map<string, number>()), [stage, aspect]);
}
