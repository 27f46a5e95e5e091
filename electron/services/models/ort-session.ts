import * as ort from 'onnxruntime-node';
import type { InferenceBackend } from '../../../shared/domain/ai-result';
import type { ModelRunner, Tensor } from '../../../shared/models/tensor';

/** Opens an onnxruntime-node CPU session from the graph's bytes. */
export async function openNodeSession(model: Uint8Array): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(model, { executionProviders: ['cpu'], graphOptimizationLevel: 'all' });
}

/** The shared runner interface over an onnxruntime-node session. */
export class NodeModelRunner implements ModelRunner {
  readonly backend: InferenceBackend = 'node-cpu';
  constructor(private readonly session: ort.InferenceSession) {}

  async run(feeds: Record<string, Tensor>, outputNames: readonly string[]): Promise<Record<string, Tensor>> {
    const ortFeeds: Record<string, ort.Tensor> = {};
    for (const [name, t] of Object.entries(feeds)) ortFeeds[name] = new ort.Tensor('float32', t.data, [...t.dims]);
    const out = await this.session.run(ortFeeds, [...outputNames]);
    const result: Record<string, Tensor> = {};
    for (const name of outputNames) {
      const t = out[name];
      if (!t) throw new Error(`The model returned no output ${name}`);
      result[name] = { data: t.data as Float32Array, dims: t.dims };
    }
    return result;
  }
}
