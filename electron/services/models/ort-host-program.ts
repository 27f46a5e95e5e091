import type * as Ort from 'onnxruntime-node';
import { ServiceError } from '../../../shared/ipc/errors';
import { timeForwardPasses } from '../../../shared/models/forward-pass-timing';
import { runPack } from '../../../shared/models/run-pack';
import { decodeFiles } from '../inference/study-images';
import type { HostPort, OrtHostReply, OrtHostRequest } from './ort-host-protocol';
import { NodeModelRunner, openNodeSession } from './ort-session';

/**
 * The inference process's whole program: onnxruntime-node sessions by key (pack@version), and
 * everything heavy around them. For a study it decodes the archived files (JPEG 2000 of a
 * full-field mammogram takes seconds), runs the pixel pipeline, the forward passes and the
 * heatmaps, and sends back the result; the service process (in Electron, the main process that
 * answers the window) only reads files. A native fault in the runtime ends this process, not the app.
 */
export function serveOrtHost(port: HostPort<OrtHostRequest, OrtHostReply>): void {
  const sessions = new Map<string, Promise<Ort.InferenceSession>>();
  const running = new Map<number, AbortController>();

  const session = async (key: string): Promise<Ort.InferenceSession> => {
    const opened = await sessions.get(key);
    if (!opened) throw new Error('The model is not open in the inference process.');
    return opened;
  };

  const handle = async (request: OrtHostRequest): Promise<OrtHostReply | undefined> => {
    switch (request.type) {
      case 'open': {
        let opening = sessions.get(request.key);
        if (!opening) {
          opening = openNodeSession(request.model);
          sessions.set(request.key, opening);
          opening.catch(() => sessions.delete(request.key));
        }
        await opening;
        return { id: request.id, type: 'done' };
      }
      case 'time': {
        // Timed here, as a study runs here: no tensor crosses a process boundary per pass.
        const { samples } = await timeForwardPasses(new NodeModelRunner(await session(request.key)), request.manifest, request.runs, request.warmUp);
        return { id: request.id, type: 'done', samples };
      }
      case 'run-study': {
        const runner = new NodeModelRunner(await session(request.key));
        const controller = new AbortController();
        running.set(request.id, controller);
        try {
          const images = await decodeFiles(request.files);
          if (controller.signal.aborted) throw new ServiceError('CANCELLED', 'The AI reading was cancelled.');
          const result = await runPack(request.manifest, images, runner, {
            signal: controller.signal,
            operatingPoint: request.operatingPoint,
            onProgress: (done, total) => port.postMessage({ id: request.id, type: 'progress', done, total }),
            // Lets a cancel arriving mid-study be read between views.
            yieldBetweenViews: () => new Promise((resolve) => setImmediate(resolve)),
          });
          return { id: request.id, type: 'done', result };
        } finally {
          running.delete(request.id);
        }
      }
      case 'cancel':
        running.get(request.target)?.abort();
        return undefined;
      case 'close': {
        const closing = sessions.get(request.key);
        sessions.delete(request.key);
        await (await closing?.catch(() => undefined))?.release();
        return { id: request.id, type: 'done' };
      }
    }
  };

  port.onMessage((request) => {
    handle(request).then(
      (reply) => reply && port.postMessage(reply),
      (error: unknown) =>
        port.postMessage({
          id: request.id,
          type: 'failed',
          message: error instanceof Error ? error.message : String(error),
          ...(error instanceof ServiceError ? { code: error.code } : error instanceof Error && error.name === 'AbortError' ? { code: 'CANCELLED' as const } : {}),
        }),
    );
  });
  port.postMessage({ id: 0, type: 'ready' });
}
