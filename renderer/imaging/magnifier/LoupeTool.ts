import { getEnabledElement } from '@cornerstonejs/core';
import { BaseTool, Enums, state, type Types } from '@cornerstonejs/tools';
import { hideLoupe, showLoupe } from './loupe';

/**
 * The magnifier on a mouse button: the loupe (loupe.ts) shows while the button is held and
 * follows the pointer (pointerTracker.ts moves it).
 */
export class LoupeTool extends BaseTool {
  static override toolName = 'TandemLoupe';

  constructor(toolProps: Types.PublicToolProps = {}, defaultToolProps: Types.ToolProps = { supportedInteractionTypes: ['Mouse'], configuration: {} }) {
    super(toolProps, defaultToolProps);
  }

  preMouseDownCallback = (evt: Types.EventTypes.MouseDownActivateEventType): boolean => {
    const { element, currentPoints } = evt.detail;
    const enabledElement = getEnabledElement(element);
    if (!enabledElement) return false;
    showLoupe(enabledElement.viewport.id, currentPoints.canvas);
    state.isInteractingWithTool = true;
    const end = (): void => {
      hideLoupe();
      state.isInteractingWithTool = false;
      element.removeEventListener(Enums.Events.MOUSE_UP, end);
      element.removeEventListener(Enums.Events.MOUSE_CLICK, end);
    };
    element.addEventListener(Enums.Events.MOUSE_UP, end);
    element.addEventListener(Enums.Events.MOUSE_CLICK, end);
    evt.preventDefault();
    return true;
  };
}
