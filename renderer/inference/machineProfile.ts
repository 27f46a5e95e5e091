import { probeWebGpu } from './webgpuAdapter';

let profile: Promise<string> | undefined;

/**
 * What a calibration depends on, in words: the cores the page sees and the WebGPU adapter (or why
 * there is none). A calibration measured under another profile (a new GPU or driver, WebGPU newly
 * enabled or blocked, a different machine) no longer says which backend is fastest here, so the
 * next automatic run calibrates again. Asked once per page.
 */
export function machineProfile(): Promise<string> {
  profile ??= probeWebGpu(globalThis).then(
    (webgpu) => `${navigator.hardwareConcurrency || 1} cores; WebGPU ${webgpu.available ? webgpu.adapter : 'none'}`,
    () => `${navigator.hardwareConcurrency || 1} cores; WebGPU none`,
  );
  return profile;
}
