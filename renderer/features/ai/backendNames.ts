import type { InferenceBackend } from '../../../shared/domain/ai-result';

/** How the UI names each inference backend. */
export const BACKEND_NAMES: Record<InferenceBackend, string> = {
  webgpu: 'WebGPU',
  'node-cpu': 'Native CPU (onnxruntime-node)',
  wasm: 'WASM (onnxruntime-web)',
};
