import { useEffect, useRef } from 'react';
import type { Heatmap } from '../../../shared/domain/ai-result';
import { base64Bytes } from '../../../shared/dicom/sr/cad-common';

/** A heatmap drawn with a perceptual ramp (dark blue → yellow), at the image's aspect ratio. */
export function HeatmapThumb({ heatmap, label, aspect }: { heatmap: Heatmap; label: string; aspect?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const cells = base64Bytes(heatmap.data);
    const image = ctx.createImageData(heatmap.width, heatmap.height);
    for (let i = 0; i < heatmap.width * heatmap.height; i++) {
      const v = (cells[i] ?? 0) / 255;
      image.data[i * 4] = Math.round(255 * Math.min(1, v * 1.6));
      image.data[i * 4 + 1] = Math.round(255 * Math.max(0, v * 1.2 - 0.2));
      image.data[i * 4 + 2] = Math.round(255 * (0.5 - v / 2));
      image.data[i * 4 + 3] = 255;
    }
    canvas.width = heatmap.width;
    canvas.height = heatmap.height;
    ctx.putImageData(image, 0, 0);
  }, [heatmap]);
  const width = 96;
  return (
    <figure className="report-heatmap" data-testid="discordance-heatmap">
      <canvas ref={ref} style={{ width, height: Math.round(width / (aspect ?? heatmap.width / heatmap.height)), imageRendering: 'pixelated' }} />
      <figcaption>{label}</figcaption>
    </figure>
  );
}
