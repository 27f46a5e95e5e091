import { holdMagnifier, viewportUnderPointer } from '../magnifier/pointerTracker';
import { getReadingState, updateReadingState } from '../readingState';
import { setDisplayScale } from '../view/displayScaleCommand';
import { toggleInvert } from '../view/invert';
import { resetViewport } from '../view/resetViewport';
import { applyNextVoiPreset } from '../voi/voiPresetCommands';
import { deleteSelectedMeasurements } from './deleteMeasurement';
import { setReadingTool } from './readingToolGroup';
import type { ReadingCommand } from './shortcuts';

/** The viewport a command without an explicit target acts on: the one under the mouse, else the active one. */
export function commandTarget(): string | undefined {
  return viewportUnderPointer() ?? getReadingState().activeViewportId;
}

/**
 * Run a reading command once (a key press or a button). `viewportId` defaults to commandTarget().
 * The magnifier as a command selects it for the left button; holding its key is `holdMagnifier`.
 */
export function runReadingCommand(command: ReadingCommand, viewportId = commandTarget()): void {
  switch (command.kind) {
    case 'tool':
      setReadingTool(command.tool);
      return;
    case 'shortcut-sheet':
      updateReadingState({ shortcutSheetOpen: !getReadingState().shortcutSheetOpen });
      return;
    case 'delete-measurement':
      deleteSelectedMeasurements();
      return;
    case 'ai-overlay':
      updateReadingState({ aiOverlayVisible: !getReadingState().aiOverlayVisible });
      return;
  }
  if (!viewportId) return;
  switch (command.kind) {
    case 'invert':
      toggleInvert(viewportId);
      return;
    case 'next-preset':
      applyNextVoiPreset(viewportId);
      return;
    case 'scale':
      setDisplayScale(viewportId, command.scale);
      return;
    case 'reset':
      resetViewport(viewportId);
      return;
  }
}

/** Start (true) or end (false) a held command; only the magnifier is held. */
export function holdReadingCommand(command: ReadingCommand, held: boolean): void {
  if (command.kind === 'tool' && command.tool === 'magnifier') holdMagnifier(held);
}
