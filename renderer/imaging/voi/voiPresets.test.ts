import { describe, expect, it } from 'vitest';
import { extractVoiPresets, lutData, windowPresets } from './voiPresets';

describe('extractVoiPresets', () => {
  it('offers every Window Center/Width pair of a multi-valued window, with its explanation', () => {
    const presets = extractVoiPresets({
      WindowCenter: [1792, 2100, 1500],
      WindowWidth: [3102, 1200, 800],
      WindowCenterWidthExplanation: ['NORMAL', 'HARDER', ''],
      VOILUTFunction: 'SIGMOID',
    });
    expect(presets.map((p) => p.label)).toEqual([
      'NORMAL (W 3102 / C 1792)',
      'HARDER (W 1200 / C 2100)',
      'W 800 / C 1500',
      'Auto (min/max)',
    ]);
    expect(presets[1]).toMatchObject({ kind: 'window', center: 2100, width: 1200, fn: 'SIGMOID' });
  });

  it('reads DS strings as the raw backslash form too', () => {
    expect(windowPresets({ WindowCenter: '40\\400', WindowWidth: '80\\2000' }).map((p) => p.kind === 'window' && [p.center, p.width])).toEqual([
      [40, 80],
      [400, 2000],
    ]);
  });

  it('drops duplicate pairs and widths DICOM forbids', () => {
    const presets = windowPresets({ WindowCenter: [100, 100, 50, 60], WindowWidth: [200, 200, 0, 0.5] });
    expect(presets).toHaveLength(1);
    // LINEAR_EXACT allows widths below 1.
    expect(windowPresets({ WindowCenter: [60], WindowWidth: [0.5], VOILUTFunction: 'LINEAR_EXACT' })).toHaveLength(1);
  });

  it('puts the file VOI LUTs first, decoding the descriptor', () => {
    const presets = extractVoiPresets({
      WindowCenter: [2048],
      WindowWidth: [4096],
      VOILUTSequence: [
        { LUTDescriptor: [4, 100, 12], LUTData: [0, 1000, 3000, 4095], LUTExplanation: 'VENDOR CURVE' },
        { LUTDescriptor: [2, 65_000, 8], LUTData: [0, 255] },
      ],
      PixelRepresentation: 1,
    });
    expect(presets.map((p) => p.kind)).toEqual(['lut', 'lut', 'window', 'auto']);
    expect(presets[0]).toMatchObject({ label: 'VENDOR CURVE (file LUT)', table: { firstValueMapped: 100, values: [0, 1000, 3000, 4095] } });
    // Signed pixels: the first value mapped is an SS.
    expect(presets[1]).toMatchObject({ label: 'VOI LUT 2 (file LUT)', table: { firstValueMapped: -536 } });
  });

  it('always offers auto, even for a file without any VOI', () => {
    expect(extractVoiPresets({})).toEqual([{ id: 'auto', kind: 'auto', label: 'Auto (min/max)' }]);
  });
});

describe('lutData', () => {
  it('reads OW bytes as 16-bit words', () => {
    const words = new Uint16Array([1, 256, 4095]);
    expect(lutData(words.buffer)).toEqual([1, 256, 4095]);
    expect(lutData([new Uint8Array(words.buffer)])).toEqual([1, 256, 4095]);
    expect(lutData(['a'])).toBeUndefined();
  });
});
