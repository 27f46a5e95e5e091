import type * as Ort from 'onnxruntime-node';
import type { Tensor } from '../../../shared/models/tensor';
import type { HostPort, OrtHostReply, OrtHostRequest } from './ort-host-protocol';

/**
 * The inference process's whole program: onnxruntime-node sessions by key (pack@version),
 * opened from the graph's bytes and run on the tensors the service sends. It runs in a process of
 * its own, so a native fault in the runtime ends this process, not the app, and a forward pass
 * never blocks the thread that answers the window.
 */
export function serveOrtHost(port: HostPort<OrtHostRequest, OrtHostReply>, ort: typeof Ort): void {
  const sessions = new Map<string, Promise<Ort.InferenceSession>>();

  const handle = async (request: OrtHostRequest): Promise<OrtHostReply> => {
    switch (request.type) {
      case 'open': {
        let session = sessions.get(request.key);
        if (!session) {
          session = ort.InferenceSession.create(request.model, { executionProviders: ['cpu'], graphOptimizationLevel: 'all' });
          sessions.set(request.key, session);
          session.catch(() => sessions.delete(request.key));
        }
        await session;
        return { id: request.id, ok: true };
      }
      case 'run': {
        const session = await sessions.get(request.key);
        if (!session) throw new Error('The model is not open in the inference process.');
        const feeds: Record<string, Ort.Tensor> = {};
        for (const [name, t] of Object.entries(request.feeds)) feeds[name] = new ort.Tensor('float32', t.data, [...t.dims]);
        const out = await session.run(feeds, request.outputNames);
        const outputs: Record<string, Tensor> = {};
        for (const name of request.outputNames) {
          const t = out[name];
          if (!t) throw new Error(`The model returned no output ${name}`);
          outputs[name] = { data: new Float32Array(t.data as Float32Array), dims: [...t.dims] };
        }
        return { id: request.id, ok: true, outputs };
      }
      case 'close': {
        const session = sessions.get(request.key);
        sessions.delete(request.key);
        await (await session?.catch(() => undefined))?.release();
        return { id: request.id, ok: true };
      }
    }
  };

  port.onMessage((request) => {
    handle(request).then(
      (reply) => port.postMessage(reply),
      (error: unknown) => port.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) }),
    );
  });
}
