import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CardMetric } from '../../shared/models/model-card';
import { OperatingPoint } from '../../shared/models/manifest';

/** What a `models/scripts/measure-*.ts` run measured for one default pack (committed JSON). */
export const Measurement = z.object({
  packId: z.string(),
  data: z.string(),
  measuredBy: z.string(),
  metrics: z.array(CardMetric),
  operatingPoints: z.array(OperatingPoint).min(1),
});
export type Measurement = z.infer<typeof Measurement>;

export const MEASUREMENTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'measurements');

/** The committed measurement of a pack, or a placeholder saying it has not been measured. */
export function readMeasurement(packId: string, fallbackThreshold: number): Measurement {
  const file = path.join(MEASUREMENTS_DIR, `${packId}.json`);
  if (existsSync(file)) return Measurement.parse(JSON.parse(readFileSync(file, 'utf8')));
  return {
    packId,
    data: 'Not measured yet: run the measure script for this pack.',
    measuredBy: 'none',
    metrics: [],
    operatingPoints: [{ name: 'default', threshold: fallbackThreshold }],
  };
}
