import {
  EllipticalROITool,
  Enums,
  LengthTool,
  PanTool,
  RectangleROITool,
  ToolGroupManager,
  WindowLevelTool,
  ZoomTool,
  type Types,
} from '@cornerstonejs/tools';
import { LoupeTool } from '../magnifier/LoupeTool';
import { getReadingState, updateReadingState } from '../readingState';
import { getSharedRenderingEngine } from '../renderingEngine';
import { lengthTextLines, roiTextLines } from './measurementText';
import type { ReadingToolId } from './readingTools';

/**
 * One cornerstone tool group for every reading viewport. The left button drives the selected
 * tool (window/level by default); pan stays on the middle button and zoom on the right button and
 * the wheel whatever is selected; measurements stay editable (passive) when another tool is.
 */
const TOOL_GROUP_ID = 'tandem-reading';
const { MouseBindings } = Enums;

/** The cornerstone tool behind each reading tool. */
export const CORNERSTONE_TOOL_NAMES: Readonly<Record<ReadingToolId, string>> = {
  windowLevel: WindowLevelTool.toolName,
  pan: PanTool.toolName,
  zoom: ZoomTool.toolName,
  length: LengthTool.toolName,
  ellipse: EllipticalROITool.toolName,
  rectangle: RectangleROITool.toolName,
  magnifier: LoupeTool.toolName,
};

/** Cornerstone tool classes to register globally (cornerstone.ts adds them once). */
export const READING_TOOL_CLASSES = [WindowLevelTool, PanTool, ZoomTool, LengthTool, EllipticalROITool, RectangleROITool, LoupeTool] as const;

const PERMANENT_BINDINGS: Partial<Record<ReadingToolId, Types.IToolBinding[]>> = {
  pan: [{ mouseButton: MouseBindings.Auxiliary }],
  zoom: [{ mouseButton: MouseBindings.Secondary }, { mouseButton: MouseBindings.Wheel }],
};

const PRIMARY: Types.IToolBinding[] = [{ mouseButton: MouseBindings.Primary }];

function bindPrimary(group: Types.IToolGroup, tool: ReadingToolId): void {
  for (const [id, name] of Object.entries(CORNERSTONE_TOOL_NAMES) as Array<[ReadingToolId, string]>) {
    if (id !== tool && group.getToolOptions(name)?.bindings?.some((b) => b.mouseButton === MouseBindings.Primary)) group.setToolPassive(name);
  }
  group.setToolActive(CORNERSTONE_TOOL_NAMES[tool], { bindings: PRIMARY });
}

function readingToolGroup(): Types.IToolGroup {
  const existing = ToolGroupManager.getToolGroup(TOOL_GROUP_ID);
  if (existing) return existing;
  const group = ToolGroupManager.createToolGroup(TOOL_GROUP_ID);
  if (!group) throw new Error('cornerstone could not create the reading tool group');
  group.addTool(WindowLevelTool.toolName);
  group.addTool(PanTool.toolName);
  group.addTool(ZoomTool.toolName);
  group.addTool(LengthTool.toolName, { getTextLines: lengthTextLines });
  group.addTool(EllipticalROITool.toolName, { getTextLines: roiTextLines });
  group.addTool(RectangleROITool.toolName, { getTextLines: roiTextLines });
  group.addTool(LoupeTool.toolName);
  for (const id of ['length', 'ellipse', 'rectangle'] as const) group.setToolPassive(CORNERSTONE_TOOL_NAMES[id]);
  for (const [id, bindings] of Object.entries(PERMANENT_BINDINGS) as Array<[ReadingToolId, Types.IToolBinding[]]>) {
    group.setToolActive(CORNERSTONE_TOOL_NAMES[id], { bindings });
  }
  bindPrimary(group, getReadingState().tool);
  return group;
}

/** Put a viewport (enabled on the shared engine) under the reading tools. */
export function addReadingViewport(viewportId: string): void {
  readingToolGroup().addViewport(viewportId, getSharedRenderingEngine().id);
}

/** Take a viewport out of the reading tools (before it is disabled). */
export function removeReadingViewport(viewportId: string): void {
  ToolGroupManager.getToolGroup(TOOL_GROUP_ID)?.removeViewports(getSharedRenderingEngine().id, viewportId);
}

/** Put `tool` on the left mouse button of every reading viewport. */
export function setReadingTool(tool: ReadingToolId): void {
  const group = ToolGroupManager.getToolGroup(TOOL_GROUP_ID);
  if (group) bindPrimary(group, tool);
  updateReadingState({ tool });
}
