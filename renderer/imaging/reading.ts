/**
 * The reading viewer's public surface, for the viewer page and the hanging protocols: everything
 * else in imaging/ is wiring behind ImageViewport.
 */
export { ImageViewport, type ImageViewportProps } from './ImageViewport';
export { resetViewport } from './view/resetViewport';
export { setDisplayScale } from './view/displayScaleCommand';
export { linkZoomPan, type LinkMember } from './view/linkZoomPan';
export { setViewportDefaults, getViewportDefaults, type ViewportDefaults } from './view/viewportDefaults';
export { toggleInvert } from './view/invert';
export { getScreenCssPxPerMm, setScreenCssPxPerMm, onDidChangeScreenCalibration } from './calibration/screenCalibration';
export type { DisplayScale } from './calibration/displayScale';
export { readOverlayFromMetadata, type ViewportOverlayInfo } from './overlay/overlayInfo';
export { useActiveViewport, useReadingState, getReadingState, onDidChangeReadingState } from './readingState';
export { voiPresetsOf, applyVoiPreset } from './voi/voiPresetCommands';
export type { VoiPreset } from './voi/voiPresets';
export { runReadingCommand } from './tools/readingCommands';
export { setReadingTool } from './tools/readingToolGroup';
export { SHORTCUTS, type ReadingCommand, type Shortcut } from './tools/shortcuts';
export type { ReadingToolId } from './tools/readingTools';
