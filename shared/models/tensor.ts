import type { InferenceBackend } from '../domain/ai-result';

/** A float32 tensor as both onnxruntime-node and onnxruntime-web accept it. */
export interface Tensor {
  data: Float32Array;
  dims: readonly number[];
}

/**
 * One loaded ONNX session, whatever the backend: the Node service wraps onnxruntime-node, the
 * renderer worker wraps onnxruntime-web. `run` returns the requested outputs.
 */
export interface ModelRunner {
  readonly backend: InferenceBackend;
  run(feeds: Record<string, Tensor>, outputNames: readonly string[]): Promise<Record<string, Tensor>>;
}
