import { describe, expect, it } from 'vitest';
import { chooseBackend } from './choose-backend';

describe('chooseBackend', () => {
  it('picks the fastest available backend, honours a forced choice, ignores unavailable ones', () => {
    const cal = [
      { backend: 'webgpu' as const, available: false },
      { backend: 'node-cpu' as const, available: true, msPerView: 40 },
      { backend: 'wasm' as const, available: true, msPerView: 210 },
    ];
    expect(chooseBackend(cal)).toBe('node-cpu');
    expect(chooseBackend(cal, 'wasm')).toBe('wasm');
    expect(chooseBackend(cal, 'webgpu')).toBe('node-cpu');
    expect(chooseBackend([{ backend: 'webgpu', available: true, msPerView: 12 }, ...cal.slice(1)])).toBe('webgpu');
    expect(chooseBackend([{ backend: 'webgpu', available: true, msPerView: 41 }, ...cal.slice(1)])).toBe('node-cpu');
    expect(chooseBackend([])).toBeUndefined();
  });
});
