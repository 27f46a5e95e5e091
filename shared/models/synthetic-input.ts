import type { TensorSpec } from '../../shared/models/manifest';
import type { Tensor } from '../../shared/models/tensor';

/**
 * A deterministic input of the declared shape (symbolic dimensions taken as 1), for timing a
 * backend without touching patient data. Values are spread over a normalised range so no
 * backend gets a shortcut on zeros.
 */
export function syntheticInput(spec: TensorSpec): Tensor {
  const dims = spec.shape.map((d) => (typeof d === 'number' ? d : 1));
  const size = dims.reduce((a, b) => a * b, 1);
  const data = new Float32Array(size);
  let seed = 12345;
  for (let i = 0; i < size; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    data[i] = (seed / 0xffffffff) * 2 - 1;
  }
  return { data, dims };
}
