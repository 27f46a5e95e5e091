import type { TandemApi } from '../../shared/ipc/api';
import type { PackManifest } from '../../shared/models/manifest';
import type { ModelSource } from './InferenceWorkerClient';

/** The pack's ONNX graph as the worker loads it: read through `models.readPackFile` once per worker. */
export function packModelSource(api: TandemApi, manifest: PackManifest): ModelSource {
  return {
    key: `${manifest.id}@${manifest.version}`,
    load: async () => {
      const bytes = await api.models.readPackFile(manifest.id, manifest.model.file);
      // A private ArrayBuffer, transferable to the worker.
      return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
    },
  };
}
