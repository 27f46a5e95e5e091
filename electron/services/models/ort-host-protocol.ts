import type { StudyAiResult } from '../../../shared/domain/ai-result';
import type { ErrorCode } from '../../../shared/ipc/errors';
import type { PackManifest } from '../../../shared/models/manifest';

/** Service → inference process. Every request has an id; its replies carry the same id. */
export type OrtHostRequest =
  | { id: number; type: 'open'; key: string; model: Uint8Array }
  /** Times forward passes on the shared synthetic input, inside the process (the native calibration). */
  | { id: number; type: 'time'; key: string; manifest: PackManifest; runs: number; warmUp: boolean }
  /** A whole study: the archived Part 10 files the pack reads, decoded and prepared in the process. */
  | { id: number; type: 'run-study'; key: string; manifest: PackManifest; files: Uint8Array[]; operatingPoint?: string }
  /** Stops the run-study request `target` between views. */
  | { id: number; type: 'cancel'; target: number }
  | { id: number; type: 'close'; key: string };

/**
 * Inference process → service: `ready` once it listens (id 0; nothing is sent to it before, as a
 * message arriving before its listener could be lost), progress of a run-study, then one final
 * reply per request.
 */
export type OrtHostReply =
  | { id: 0; type: 'ready' }
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; samples?: number[]; result?: StudyAiResult }
  | { id: number; type: 'failed'; message: string; code?: ErrorCode };

/**
 * How the two ends exchange messages, whatever carries them: Electron's utility process
 * (`process.parentPort`), or a forked Node child (`process.send`, advanced serialization), both
 * structured clones, so typed arrays arrive as typed arrays.
 */
export interface HostPort<In, Out> {
  onMessage(listener: (message: In) => void): void;
  postMessage(message: Out): void;
}
