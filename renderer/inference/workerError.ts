import { ServiceError, type ErrorData } from '../../shared/ipc/errors';

/**
 * An error inside the worker as the page receives it. Expected failures keep their code; anything
 * else (onnxruntime refusing a graph or an input) keeps its message, which names the model's
 * tensors, never the patient.
 */
export function toWorkerError(error: unknown): ErrorData {
  if (error instanceof ServiceError) return error.toData();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `The model could not run in the browser: ${message}` };
}
