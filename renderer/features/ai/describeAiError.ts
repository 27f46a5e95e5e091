import { ServiceError, type ErrorData } from '../../../shared/ipc/errors';

/**
 * An AI failure as the UI shows it. Service errors keep their code and message; errors raised in
 * the renderer's own inference code carry messages written for the user (they name the pack,
 * the backend or the tensor, never the patient), so they are shown as they are.
 */
export function describeAiError(error: unknown): ErrorData {
  if (error instanceof ServiceError) return error.toData();
  if (error instanceof Error) return { code: 'INTERNAL', message: error.message };
  return { code: 'INTERNAL', message: String(error) };
}
