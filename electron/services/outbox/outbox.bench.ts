import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchRow } from '../../../scripts/bench/archive-query.bench';
import { heatmapLikeObject, srLikeObject, testUids, type TestObjectUids } from '../../../tests/support/outbox-objects';
import { OutboxService } from './outbox-service';

const SAMPLES = 40;

/**
 * What "saved" costs: the latency of `enqueue` (files and record fsynced) for a report-sized item
 * (one 1 KB SR) and a heatmap-sized item (two 256 KB objects), next to a plain, unsynced
 * writeFile of the same bytes. The sender is not started. Prints nothing; returns rows.
 */
export async function benchOutbox(): Promise<BenchRow[]> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'tandem-bench-outbox-'));
  try {
    const outbox = new OutboxService({ root, profiles: { connection: () => Promise.reject(new Error('not used')) }, events: { emit: () => undefined } });
    const rows: BenchRow[] = [];
    const cases: [string, (uids: TestObjectUids[], n: number) => Uint8Array[], number][] = [
      ['report (1 SR, ~1 KB)', (uids) => uids.map((u) => srLikeObject(u)), 1],
      ['heatmaps (2 objects, 256 KB each)', (uids, n) => uids.map((u, i) => heatmapLikeObject(u, 256 * 1024, `bench-${n}-${i}`)), 2],
    ];
    for (const [c, [label, build, count]] of cases.entries()) {
      const payloads = Array.from({ length: SAMPLES }, (_, n) => {
        const uids = testUids(`bench-${c}-${n}`, count);
        return { studyInstanceUID: uids[0]!.studyInstanceUID, instances: build(uids, n) };
      });
      const enqueue = await timings(payloads, ({ studyInstanceUID, instances }) => outbox.enqueue({ kind: 'heatmap', profileId: 'bench', studyInstanceUID, description: 'bench', instances }));
      const plain = await timings(payloads, ({ instances }, n) => Promise.all(instances.map((bytes, i) => writeFile(path.join(root, `plain-${c}-${n}-${i}`), bytes))));
      rows.push({ label: `enqueue ${label}: median`, value: percentile(enqueue, 0.5), unit: 'ms', note: `${(percentile(enqueue, 0.5) / Math.max(percentile(plain, 0.5), 0.001)).toFixed(1)}× an unsynced writeFile` });
      rows.push({ label: `enqueue ${label}: 95th percentile`, value: percentile(enqueue, 0.95), unit: 'ms' });
    }
    await outbox.dispose();
    return rows;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

interface Payload {
  studyInstanceUID: string;
  instances: Uint8Array[];
}

async function timings(payloads: Payload[], run: (payload: Payload, n: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (const [n, payload] of payloads.entries()) {
    const started = performance.now();
    await run(payload, n);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}
