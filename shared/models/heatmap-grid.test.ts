import { describe, expect, it } from 'vitest';
import { fromBase64, heatmapInSourceFrame, toBase64 } from './heatmap-grid';
import { identityGeometry } from './pipeline/working-image';

describe('heatmaps in the source frame', () => {
  it('round-trips base64 for every length', () => {
    for (const n of [0, 1, 2, 3, 4, 255]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37) % 256);
      expect(Array.from(fromBase64(toBase64(bytes)))).toEqual(Array.from(bytes));
    }
    expect(toBase64(new TextEncoder().encode('Man'))).toBe('TWFu');
  });

  it('keeps a weak map weak on the absolute scale, and stretches it to its peak on the max scale', () => {
    const map = { width: 2, height: 2, values: Float32Array.from([0, 0.2, 0.1, 0]) };
    const geometry = identityGeometry(2, 2);
    expect(Math.max(...fromBase64(heatmapInSourceFrame(map, geometry, 'output', 'x', 'absolute').data))).toBe(51);
    expect(Math.max(...fromBase64(heatmapInSourceFrame(map, geometry, 'output', 'x', 'max').data))).toBe(255);
  });
});
