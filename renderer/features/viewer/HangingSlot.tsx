import { useEffect, useRef } from 'react';
import type { HungSlot } from '../../../shared/hanging/hung-layout';
import { ImageViewport } from '../../imaging/ImageViewport';
import { applyPresentation } from './applyPresentation';
import { usePart10ImageId } from './usePart10ImageId';

interface Props {
  slot: HungSlot;
  viewportId: string;
}

/** One cell of a hanging-protocol stage: the image, oriented and pinned, or why it is empty. */
export function HangingSlot({ slot, viewportId }: Props) {
  if (slot.kind === 'empty') {
    return (
      <div className="viewport-placeholder" data-testid="empty-slot" data-reason={slot.reason.code}>
        {slot.reason.message}
      </div>
    );
  }
  return <HungImage slot={slot} viewportId={viewportId} />;
}

function HungImage({ slot, viewportId }: Props & { slot: Extract<HungSlot, { kind: 'image' }> }) {
  const { image } = slot;
  const { imageId, error } = usePart10ImageId({ studyInstanceUID: image.studyInstanceUID, seriesInstanceUID: image.seriesInstanceUID, sopInstanceUID: image.sopInstanceUID });
  const host = useRef<HTMLDivElement>(null);
  const transform = slot.displayTransform;

  // Orient once cornerstone reports the first render (the viewport exists only then).
  useEffect(() => {
    const root = host.current?.querySelector('[data-render-state]');
    if (!root) return;
    const apply = () => {
      if (root.getAttribute('data-render-state') === 'rendered') applyPresentation(viewportId, transform);
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(root, { attributes: true, attributeFilter: ['data-render-state'] });
    return () => observer.disconnect();
  }, [imageId, viewportId, transform]);

  if (error) return <div className="viewport-placeholder" data-render-state="error">{error}</div>;
  return (
    <div ref={host} className="hung-image" data-slot={slot.name} data-chest-wall={transform.chestWallSide} data-study-role={slot.study} style={{ height: '100%' }}>
      {imageId ? (
        <ImageViewport imageIds={[imageId]} viewportId={viewportId} label={`${slot.label}${slot.study === 'prior' ? ' · PRIOR' : ''}${transform.assumed ? ' · orientation assumed' : ''}`} />
      ) : (
        <div className="viewport-placeholder" data-render-state="loading">…</div>
      )}
    </div>
  );
}
