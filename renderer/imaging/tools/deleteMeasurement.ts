import { annotation } from '@cornerstonejs/tools';
import { peekSharedRenderingEngine } from '../renderingEngine';

/** Delete the selected measurements. Returns how many went. */
export function deleteSelectedMeasurements(): number {
  const selected = annotation.selection.getAnnotationsSelected() ?? [];
  for (const annotationUID of selected) annotation.state.removeAnnotation(annotationUID);
  if (selected.length) peekSharedRenderingEngine()?.render();
  return selected.length;
}
