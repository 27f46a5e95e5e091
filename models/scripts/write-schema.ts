import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_SCHEMA_FILE, SIGNATURE_SCHEMA_FILE, manifestJsonSchema, signatureJsonSchema } from '../schema/manifest-schema';

/** Regenerates the published JSON Schemas: `npx tsx models/scripts/write-schema.ts`. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
await writeFile(path.join(root, MANIFEST_SCHEMA_FILE), manifestJsonSchema());
await writeFile(path.join(root, SIGNATURE_SCHEMA_FILE), signatureJsonSchema());
console.log(`Wrote ${MANIFEST_SCHEMA_FILE} and ${SIGNATURE_SCHEMA_FILE}`);
