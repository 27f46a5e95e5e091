import { describe, expect, it } from 'vitest';
import { BackendCalibration } from './backend-calibration';

describe('backend calibration in settings', () => {
  const valid = { packKey: 'p@1.0.0', measuredAt: '2026-01-01T00:00:00Z', msPerView: { wasm: 120, 'node-cpu': 22 }, unavailable: { webgpu: 'only a fallback adapter' }, chosen: 'node-cpu' };

  it('keeps what was measured and why a backend could not run', () => {
    expect(BackendCalibration.parse(valid)).toEqual(valid);
  });

  it('refuses a calibration naming a backend that does not exist', () => {
    expect(BackendCalibration.safeParse({ ...valid, msPerView: { cuda: 3 } }).success).toBe(false);
    expect(BackendCalibration.safeParse({ ...valid, chosen: 'cuda' }).success).toBe(false);
  });
});
