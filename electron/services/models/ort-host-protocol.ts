import type { Tensor } from '../../../shared/models/tensor';

/** Service → inference process. Every request has an id; its reply carries the same id. */
export type OrtHostRequest =
  | { id: number; type: 'open'; key: string; model: Uint8Array }
  | { id: number; type: 'run'; key: string; feeds: Record<string, Tensor>; outputNames: string[] }
  | { id: number; type: 'close'; key: string };

/** Inference process → service. */
export type OrtHostReply = { id: number; ok: true; outputs?: Record<string, Tensor> } | { id: number; ok: false; message: string };

/**
 * How the two ends exchange messages, whatever carries them: Electron's utility process
 * (`process.parentPort`), or a forked Node child (`process.send`, advanced serialization), both
 * structured clones, so typed arrays arrive as typed arrays.
 */
export interface HostPort<In, Out> {
  onMessage(listener: (message: In) => void): void;
  postMessage(message: Out): void;
}
