import { describe, expect, it } from 'vitest';
import { lengthTextLines, roiTextLines } from './measurementText';

const data = (stats: Record<string, unknown>) => ({ cachedStats: { 'imageId:x': stats } });

describe('measurement labels', () => {
  it('gives lengths in mm whatever calibration suffix cornerstone adds', () => {
    expect(lengthTextLines(data({ length: 12.345, unit: 'mm' }), 'imageId:x')).toEqual(['12.3 mm']);
    expect(lengthTextLines(data({ length: 40, unit: 'mm ERMF' }), 'imageId:x')).toEqual(['40.0 mm']);
  });

  it('says uncalibrated when the length is in pixels', () => {
    expect(lengthTextLines(data({ length: 123.4, unit: 'px' }), 'imageId:x')).toEqual(['123 px (uncalibrated)']);
  });

  it('gives ROI area and statistics', () => {
    expect(roiTextLines(data({ area: 42, areaUnit: 'mm² Proj', mean: 1500.04, stdDev: 12.34, modalityUnit: 'raw' }), 'imageId:x')).toEqual([
      'Area 42.0 mm²',
      'Mean 1500.0 SD 12.3',
    ]);
    expect(roiTextLines(data({ area: 4200, areaUnit: 'px²' }), 'imageId:x')).toEqual(['Area 4200 px² (uncalibrated)']);
  });

  it('draws nothing before the statistics exist', () => {
    expect(lengthTextLines({ cachedStats: {} }, 'imageId:x')).toBeUndefined();
    expect(roiTextLines(data({}), 'imageId:x')).toBeUndefined();
  });
});
