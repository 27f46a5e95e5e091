/**
 * Finds out whether this context has a real WebGPU adapter. A fallback adapter (the browser's
 * own software rasteriser) or a CPU Vulkan/GL implementation (SwiftShader, llvmpipe, lavapipe)
 * does not count: it runs slower than WASM and would win no calibration honestly. Works in the
 * page and in workers. The WebGPU types are declared here structurally: the DOM lib has none.
 */
interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface AdapterLike {
  info?: AdapterInfoLike;
  /** Deprecated in favour of info.isFallbackAdapter, still the only one in older Chromium. */
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<AdapterLike | null>;
}

export type WebGpuAvailability = { available: true; adapter: string } | { available: false; reason: string };

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|software|microsoft basic render/i;

/** Describes an adapter as a log line would ("nvidia ampere …"). */
function describe(info: AdapterInfoLike | undefined): string {
  return [info?.vendor, info?.architecture, info?.device, info?.description].filter((s) => s && s.length > 0).join(' ') || 'unnamed adapter';
}

/** Whether WebGPU is usable for inference here, and if not, why (for the UI and the test skip). */
export async function probeWebGpu(scope: { navigator: unknown }): Promise<WebGpuAvailability> {
  const gpu = (scope.navigator as { gpu?: GpuLike }).gpu;
  if (!gpu) return { available: false, reason: 'this browser exposes no WebGPU (navigator.gpu is absent)' };
  let adapter: AdapterLike | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (error) {
    return { available: false, reason: `requestAdapter failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!adapter) return { available: false, reason: 'no WebGPU adapter (no usable GPU or driver)' };
  const name = describe(adapter.info);
  if (adapter.info?.isFallbackAdapter === true || adapter.isFallbackAdapter === true) {
    return { available: false, reason: `only a fallback adapter (${name})` };
  }
  if (SOFTWARE.test(name)) return { available: false, reason: `only a software adapter (${name})` };
  return { available: true, adapter: name };
}
