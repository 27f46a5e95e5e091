import { RenderingEngine } from '@cornerstonejs/core';

/**
 * One rendering engine for the whole renderer: every viewport shares its WebGL context pool
 * (browsers cap live WebGL contexts at ~16), and each ImageViewport enables/disables its own
 * element on it.
 */
const ENGINE_ID = 'tandem-rendering-engine';

let engine: RenderingEngine | undefined;

export function getSharedRenderingEngine(): RenderingEngine {
  if (!engine || engine.hasBeenDestroyed) engine = new RenderingEngine(ENGINE_ID);
  return engine;
}

/** The shared engine if it exists, without creating it. */
export function peekSharedRenderingEngine(): RenderingEngine | undefined {
  return engine && !engine.hasBeenDestroyed ? engine : undefined;
}

/** Destroy the shared engine (tests, hot reload). The next getter call creates a fresh one. */
export function destroySharedRenderingEngine(): void {
  if (engine && !engine.hasBeenDestroyed) engine.destroy();
  engine = undefined;
}
