import { z } from 'zod';

/**
 * Expected failures that cross the process boundary. Each code maps to something a user can act
 * on; bugs travel as `INTERNAL` and cancellations as `CANCELLED`.
 */
export const ErrorCode = z.enum([
  'INVALID_ARGUMENT',
  'UNAUTHORIZED_CALLER',
  'NOT_FOUND',
  'NOT_CONFIGURED',
  'PACS_UNREACHABLE',
  'PACS_TIMEOUT',
  'PACS_AUTH_REQUIRED',
  'PACS_FORBIDDEN',
  'PACS_NOT_FOUND',
  'PACS_SERVER_ERROR',
  'PACS_NOT_DICOMWEB',
  'PACS_BAD_RESPONSE',
  'DICOM_INVALID',
  'STORAGE_FULL',
  'STORAGE_ERROR',
  'CANCELLED',
  /** A model pack failed verification (schema, hash, signature, graph); the message says which. */
  'PACK_REFUSED',
  /** The image or study is not one the model pack accepts (modality, view, missing views). */
  'IMAGE_NOT_ACCEPTED',
  /** The study's AI result stays sealed until the reader's first read is signed. */
  'AI_SEALED',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The only shape an error takes when it crosses IPC or the loopback transport. */
export const ErrorData = z.object({ code: ErrorCode, message: z.string() });
export type ErrorData = z.infer<typeof ErrorData>;

/** An expected failure with a code the UI can switch on and a message the user can act on. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  toData(): ErrorData {
    return { code: this.code, message: this.message };
  }

  static fromData(data: ErrorData): ServiceError {
    return new ServiceError(data.code, data.message);
  }
}

/** Converts anything thrown into error data without leaking stack traces or patient data. */
export function toErrorData(err: unknown): ErrorData {
  if (err instanceof ServiceError) return err.toData();
  if (err instanceof z.ZodError) {
    return { code: 'INVALID_ARGUMENT', message: `Invalid argument: ${summariseZodError(err)}` };
  }
  if (err instanceof Error && err.name === 'AbortError') {
    return { code: 'CANCELLED', message: 'The operation was cancelled.' };
  }
  return { code: 'INTERNAL', message: 'An internal error occurred. Details are in the application log.' };
}

/** A short, field-level description of why a value failed its schema. */
export function summariseZodError(err: z.ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(value)'}: ${issue.message}`)
    .join('; ');
}

/** The result envelope every transport carries. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorData };
