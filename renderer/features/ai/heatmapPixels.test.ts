import { describe, expect, it } from 'vitest';
import { colormapTable } from './colormaps';
import { decodeHeatmap, paintHeatmap } from './heatmapPixels';

const heatmapOf = (values: number[], width: number, height: number) => ({
  width,
  height,
  data: btoa(String.fromCharCode(...values)),
  source: 'output' as const,
  label: 'mass',
});

describe('heatmap pixels', () => {
  it('decodes the quantised grid byte for byte', () => {
    expect([...decodeHeatmap(heatmapOf([0, 128, 255, 7], 2, 2))]).toEqual([0, 128, 255, 7]);
  });

  it('refuses a grid whose data does not match its size, naming the label', () => {
    expect(() => decodeHeatmap(heatmapOf([1, 2, 3], 2, 2))).toThrow(/mass.*3 values.*2×2/);
  });

  it('leaves cells below the threshold transparent and colours the rest', () => {
    const rgba = paintHeatmap(Uint8Array.from([0, 50, 200, 255]), { colormap: 'jet', opacity: 1, threshold: 0.5 });
    expect(rgba[3]).toBe(0);
    expect(rgba[7]).toBe(0);
    expect(rgba[11]).toBeGreaterThan(0);
    expect(rgba[15]).toBe(255);
    const table = colormapTable('jet');
    expect([rgba[12], rgba[13], rgba[14]]).toEqual([table[255 * 3], table[255 * 3 + 1], table[255 * 3 + 2]]);
  });

  it('scales alpha by the opacity and makes stronger activation more opaque', () => {
    const half = paintHeatmap(Uint8Array.from([100, 255]), { colormap: 'hot', opacity: 0.5, threshold: 0 });
    expect(half[7]).toBe(128);
    expect(half[3]).toBeLessThan(half[7]!);
    expect(half[3]).toBeGreaterThan(0);
  });

  it('colours weak activation cold and strong activation hot in the jet map', () => {
    const table = colormapTable('jet');
    expect(table[2]).toBeGreaterThan(table[0]!); // low end blue
    expect(table[255 * 3]).toBeGreaterThan(table[255 * 3 + 2]!); // high end red
  });
});
