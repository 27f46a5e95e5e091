import { describe, expect, it } from 'vitest';
import { BackendCalibration, fastestBackend } from './backend-calibration';

describe('backend calibration', () => {
  it('chooses the backend with the fewest milliseconds per view', () => {
    expect(fastestBackend({ wasm: 120, 'node-cpu': 22, webgpu: 35 })).toBe('node-cpu');
    expect(fastestBackend({ wasm: 120, webgpu: 35 })).toBe('webgpu');
  });

  it('chooses nothing when no backend ran', () => {
    expect(fastestBackend({})).toBeUndefined();
  });

  it('refuses a calibration naming a backend that does not exist', () => {
    const parsed = BackendCalibration.safeParse({ packKey: 'p@1.0.0', measuredAt: '2026-01-01T00:00:00Z', msPerView: { cuda: 3 }, chosen: 'wasm' });
    expect(parsed.success).toBe(false);
  });
});
