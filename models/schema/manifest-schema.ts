import { z } from 'zod';
import { PackManifest, PackSignature } from '../../shared/models/manifest';

/** The published JSON Schema of manifest.json, generated from the zod schema the app checks with. */
export function manifestJsonSchema(): string {
  const schema = z.toJSONSchema(PackManifest, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, $id: 'https://tandem.invalid/schemas/model-pack-manifest-1.json', title: 'Tandem model pack manifest (version 1)' }, null, 2)}\n`;
}

export function signatureJsonSchema(): string {
  const schema = z.toJSONSchema(PackSignature, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, $id: 'https://tandem.invalid/schemas/model-pack-signature-1.json', title: 'Tandem model pack signature' }, null, 2)}\n`;
}

export const MANIFEST_SCHEMA_FILE = 'models/schema/manifest.schema.json';
export const SIGNATURE_SCHEMA_FILE = 'models/schema/signature.schema.json';
