import { describe, expect, it } from 'vitest';
import { sanitizeImagePlane } from './imagePlaneSanitizer';

describe('sanitizeImagePlane', () => {
  it('replaces zero pixel spacing with 1 and flags it as default', () => {
    const fixed = sanitizeImagePlane({ rowPixelSpacing: 0, columnPixelSpacing: 0, rows: 10 });
    expect(fixed).toMatchObject({ rowPixelSpacing: 1, columnPixelSpacing: 1, pixelSpacing: [1, 1], rows: 10 });
    expect((fixed as { usingDefaultValues?: boolean }).usingDefaultValues).toBe(true);
  });

  it('keeps valid spacing untouched', () => {
    const plane = { rowPixelSpacing: 0.14, columnPixelSpacing: 0.14 };
    expect(sanitizeImagePlane(plane)).toBe(plane);
  });

  it('passes non-objects through', () => {
    expect(sanitizeImagePlane(undefined)).toBeUndefined();
  });
});
