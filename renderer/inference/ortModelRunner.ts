import type { InferenceBackend } from '../../shared/domain/ai-result';
import type { ModelRunner, Tensor } from '../../shared/models/tensor';
import { ort } from './ortRuntime';

/** An onnxruntime-web session as the shared study runner sees every backend. */
export class OrtModelRunner implements ModelRunner {
  constructor(
    private readonly session: ort.InferenceSession,
    readonly backend: InferenceBackend,
  ) {}

  async run(feeds: Record<string, Tensor>, outputNames: readonly string[]): Promise<Record<string, Tensor>> {
    const inputs: Record<string, ort.Tensor> = {};
    for (const [name, tensor] of Object.entries(feeds)) inputs[name] = new ort.Tensor('float32', tensor.data, [...tensor.dims]);
    const outputs = await this.session.run(inputs, [...outputNames]);
    const result: Record<string, Tensor> = {};
    for (const name of outputNames) {
      const output = outputs[name];
      if (!output) throw new Error(`The model produced no output "${name}".`);
      if (output.type !== 'float32') throw new Error(`Output "${name}" is ${output.type}; packs declare float32 outputs.`);
      result[name] = { data: (await output.getData()) as Float32Array, dims: output.dims };
      output.dispose();
    }
    return result;
  }
}
