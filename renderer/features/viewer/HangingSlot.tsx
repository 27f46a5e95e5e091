import { useMemo } from 'react';
import type { HungSlot } from '../../../shared/hanging/hung-layout';
import { ImageViewport } from '../../imaging/ImageViewport';
import { HeatmapLayer } from '../ai/HeatmapLayer';
import { presentationDefaults } from './applyPresentation';
import { usePart10ImageId } from './usePart10ImageId';

interface Props {
  slot: HungSlot;
  viewportId: string;
  /** From the slot's scale group: how many times its own extent the cell shows (1 = fit). */
  scaleFactor?: number;
}

/** One cell of a hanging-protocol stage: the image, oriented and pinned, or why it is empty. */
export function HangingSlot({ slot, viewportId, scaleFactor }: Props) {
  if (slot.kind === 'empty') {
    return (
      <div className="viewport-placeholder" data-testid="empty-slot" data-reason={slot.reason.code}>
        {slot.reason.message}
      </div>
    );
  }
  return <HungImage slot={slot} viewportId={viewportId} scaleFactor={scaleFactor} />;
}

function HungImage({ slot, viewportId, scaleFactor }: Props & { slot: Extract<HungSlot, { kind: 'image' }> }) {
  const { image } = slot;
  const { imageId, error } = usePart10ImageId({ studyInstanceUID: image.studyInstanceUID, seriesInstanceUID: image.seriesInstanceUID, sopInstanceUID: image.sopInstanceUID });
  const transform = slot.displayTransform;
  // Rounded so that sub-pixel changes of the window size do not re-apply the defaults.
  const factor = Math.round((scaleFactor ?? 1) * 1000) / 1000;
  const defaults = useMemo(() => presentationDefaults(transform, factor), [transform, factor]);
  // Overlay text goes on the side away from the chest wall, where there is no tissue.
  const textSide = transform.chestWallSide === 'right' ? 'left' : transform.chestWallSide === 'left' ? 'right' : undefined;

  if (error) return <div className="viewport-placeholder" data-render-state="error" data-sop-instance-uid={image.sopInstanceUID}>{error}</div>;
  return (
    <div
      className="hung-image"
      data-slot={slot.name}
      data-chest-wall={transform.chestWallSide}
      data-study-role={slot.study}
      data-sop-instance-uid={image.sopInstanceUID}
      data-series-instance-uid={image.seriesInstanceUID}
      style={{ height: '100%', position: 'relative' }}
    >
      {imageId ? (
        <ImageViewport
          imageIds={[imageId]}
          viewportId={viewportId}
          label={slot.label}
          overlay={{ role: slot.study, note: transform.assumed ? 'orientation assumed' : undefined, textSide }}
          defaults={defaults}
        >
          <HeatmapLayer viewportId={viewportId} sopInstanceUid={image.sopInstanceUID} />
        </ImageViewport>
      ) : (
        <div className="viewport-placeholder" data-render-state="loading">…</div>
      )}
    </div>
  );
}
