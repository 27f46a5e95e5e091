import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MANIFEST_SCHEMA_FILE, SIGNATURE_SCHEMA_FILE, manifestJsonSchema, signatureJsonSchema } from './manifest-schema';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('published manifest JSON Schema', () => {
  it('is current with the zod schema the app verifies packs with (run models/scripts/write-schema.ts if not)', async () => {
    expect(await readFile(path.join(root, MANIFEST_SCHEMA_FILE), 'utf8')).toBe(manifestJsonSchema());
    expect(await readFile(path.join(root, SIGNATURE_SCHEMA_FILE), 'utf8')).toBe(signatureJsonSchema());
  });

  it('describes the pipeline steps and refuses unknown top-level fields', () => {
    const schema = JSON.parse(manifestJsonSchema());
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'version', 'task', 'accepts', 'input', 'output', 'heatmap', 'operatingPoints', 'card', 'files']));
    expect(schema.additionalProperties).toBe(false);
    expect(JSON.stringify(schema)).toContain('"histogram"');
  });
});
