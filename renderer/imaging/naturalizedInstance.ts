import { Enums, metaData } from '@cornerstonejs/metadata';

/** A DICOM instance as cornerstone's metadata naturalizes it: keyword → value (sequences as arrays of items). */
export type NaturalizedInstance = Readonly<Record<string, unknown>>;

/**
 * The naturalized attributes of a loaded image, or undefined before the loader has parsed it (a
 * `dicomfile:` image's metadata exists once its load has started).
 */
export function naturalizedInstance(imageId: string): NaturalizedInstance | undefined {
  const value: unknown = metaData.get(Enums.MetadataModules.INSTANCE, imageId);
  return value && typeof value === 'object' ? (value as NaturalizedInstance) : undefined;
}
