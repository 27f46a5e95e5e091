import { readFile } from 'node:fs/promises';

/**
 * One backend timing in its own process (onnxruntime-web fixes its WASM thread count when it first
 * loads, so 1 and 2 threads need separate processes). Prints JSON: per-view times of each run and
 * the time of one 4-view study (four sequential runs).
 *   tsx scripts/bench/inference-probe.ts <node|wasm> <threads> <model.onnx> <input> <dims-json> <runs>
 */
const [backend, threadsArg, modelPath, inputName, dimsJson, runsArg] = process.argv.slice(2);
const threads = Number(threadsArg);
const dims = JSON.parse(dimsJson!) as number[];
const runs = Number(runsArg);
const model = new Uint8Array(await readFile(modelPath!));
const data = new Float32Array(dims.reduce((a, b) => a * b, 1));
for (let i = 0; i < data.length; i++) data[i] = ((i * 2654435761) % 1000) / 1000;

type Run = () => Promise<void>;
let run: Run;
if (backend === 'node') {
  const ort = await import('onnxruntime-node');
  const session = await ort.InferenceSession.create(model, { executionProviders: ['cpu'], graphOptimizationLevel: 'all', ...(threads ? { intraOpNumThreads: threads } : {}) });
  const feeds = { [inputName!]: new ort.Tensor('float32', data, dims) };
  run = async () => void (await session.run(feeds));
} else {
  const ort = await import('onnxruntime-web');
  ort.env.wasm.numThreads = threads;
  const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const feeds = { [inputName!]: new ort.Tensor('float32', data, dims) };
  run = async () => void (await session.run(feeds));
}
await run();
const viewMs: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  await run();
  viewMs.push(performance.now() - t0);
}
const s0 = performance.now();
for (let v = 0; v < 4; v++) await run();
const studyMs = performance.now() - s0;
console.log(JSON.stringify({ viewMs, studyMs }));
process.exit(0);
