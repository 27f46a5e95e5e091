import type { InferenceSession } from 'onnxruntime-node';
import type { PackManifest, TensorSpec } from '../../../shared/models/manifest';
import { packRefused } from './pack-refusal';

type SessionFacts = Pick<InferenceSession, 'inputNames' | 'outputNames' | 'inputMetadata' | 'outputMetadata'>;

/**
 * Refuses a pack whose ONNX graph does not have the inputs and outputs its manifest promises
 * (names, element type, and every fixed dimension).
 */
export function checkGraphAgainstManifest(manifest: PackManifest, session: SessionFacts): void {
  const wantedInputs = [manifest.input.tensor];
  const wantedOutputs: TensorSpec[] = [manifest.output.tensor];
  const h = manifest.heatmap;
  if (h.source === 'output') wantedOutputs.push(h.tensor);
  if (h.source === 'cam') wantedOutputs.push(h.featureMap);
  for (const spec of wantedInputs) checkOne('input', spec, session.inputNames, session.inputMetadata);
  for (const spec of wantedOutputs) checkOne('output', spec, session.outputNames, session.outputMetadata);
  if (h.source === 'cam' && !session.outputNames.includes(h.weights)) {
    throw packRefused(`the heatmap's CAM weights "${h.weights}" are not an output of the model (it has ${session.outputNames.join(', ')}).`);
  }
  const last = manifest.output.tensor.shape.at(-1);
  if (typeof last === 'number' && last !== manifest.output.labels.length) {
    throw packRefused(`the output ${manifest.output.tensor.name} has ${last} values but the manifest names ${manifest.output.labels.length} labels.`);
  }
}

function checkOne(kind: 'input' | 'output', spec: TensorSpec, names: readonly string[], metadata: SessionFacts['inputMetadata']): void {
  const index = names.indexOf(spec.name);
  if (index < 0) throw packRefused(`the model has no ${kind} named "${spec.name}" (its ${kind}s are ${names.join(', ') || 'none'}).`);
  const meta = metadata[index];
  if (!meta || !meta.isTensor) throw packRefused(`the model's ${kind} "${spec.name}" is not a tensor.`);
  if (meta.type !== spec.type) throw packRefused(`the model's ${kind} "${spec.name}" is ${meta.type}, the manifest says ${spec.type}.`);
  const shape = meta.shape;
  if (shape.length !== spec.shape.length) {
    throw packRefused(`the model's ${kind} "${spec.name}" has ${shape.length} dimensions [${shape.join(', ')}], the manifest says [${spec.shape.join(', ')}].`);
  }
  shape.forEach((dim, i) => {
    const want = spec.shape[i];
    if (typeof dim === 'number' && dim > 0 && typeof want === 'number' && dim !== want) {
      throw packRefused(`the model's ${kind} "${spec.name}" is [${shape.join(', ')}], the manifest says [${spec.shape.join(', ')}].`);
    }
  });
}
