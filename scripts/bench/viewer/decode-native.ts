import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readPart10 } from '../../fixtures/dcmjs-io';
import { encodeJpeg2000 } from '../../fixtures/encoders';
import { median } from './stats';
import { concatBytes } from '../../../shared/bytes';

/** The native decoder for a transfer syntax, or undefined when there is none to compare with. */
export type NativeTool = 'dcmdjpeg' | 'dcmdjpls' | 'dcmdrle' | 'opj_decompress';

const TOOL_BY_SYNTAX: Record<string, NativeTool> = {
  '1.2.840.10008.1.2.4.50': 'dcmdjpeg',
  '1.2.840.10008.1.2.4.51': 'dcmdjpeg',
  '1.2.840.10008.1.2.4.57': 'dcmdjpeg',
  '1.2.840.10008.1.2.4.70': 'dcmdjpeg',
  '1.2.840.10008.1.2.4.80': 'dcmdjpls',
  '1.2.840.10008.1.2.4.81': 'dcmdjpls',
  '1.2.840.10008.1.2.5': 'dcmdrle',
  '1.2.840.10008.1.2.4.90': 'opj_decompress',
  '1.2.840.10008.1.2.4.91': 'opj_decompress',
  // OpenJPEG decodes HTJ2K code streams since 2.5.0.
  '1.2.840.10008.1.2.4.201': 'opj_decompress',
  '1.2.840.10008.1.2.4.202': 'opj_decompress',
  '1.2.840.10008.1.2.4.203': 'opj_decompress',
};

export function nativeToolFor(transferSyntaxUID: string): NativeTool | undefined {
  return TOOL_BY_SYNTAX[transferSyntaxUID];
}

/** Why a tool cannot run here, or undefined when it can. */
export function missingTool(tool: string): string | undefined {
  const probe = spawnSync(tool, tool === 'opj_decompress' ? ['-h'] : ['--version'], { stdio: 'ignore' });
  if (probe.error) return `${tool} is not installed (${tool === 'opj_decompress' ? 'apt-get install libopenjp2-tools' : 'apt-get install dcmtk'})`;
  return undefined;
}

/** Wall time of running `tool args` once as a fresh process. */
function timeProcess(tool: string, args: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - started;
  if (result.error || result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.error?.message ?? result.stderr.toString().trim()}`);
  return elapsed;
}

/**
 * Medians of the decode and the start-up command, run alternately `repeats` times after one
 * warm-up each, so a change in the machine's load affects both alike.
 */
function timeAlternately(decode: [string, string[]], startup: [string, string[]], repeats: number): { ms: number; startupMs: number } {
  timeProcess(...decode);
  timeProcess(...startup);
  const decodes: number[] = [];
  const startups: number[] = [];
  for (let i = 0; i < repeats; i++) {
    decodes.push(timeProcess(...decode));
    startups.push(timeProcess(...startup));
  }
  return { ms: median(decodes), startupMs: median(startups) };
}

/** The JPEG 2000 / HTJ2K code stream of a single-frame file: its pixel fragments joined. */
async function codeStream(file: string): Promise<Uint8Array> {
  const frames = readPart10(await readFile(file))['PixelData'] as ArrayBuffer[];
  return concatBytes(frames.map((f) => new Uint8Array(f)));
}

/** A native decoder run on one file, with what a process start costs it. */
export interface NativeTiming {
  tool: NativeTool;
  ms: number;
  startupMs: number;
  startupHow: string;
}

/**
 * Times the native decoders as separate processes, each writing its decoded output like the tool
 * is used. Start-up is measured per file: for DCMTK, `dcmconv` copying the uncompressed
 * counterpart (process start, parse and writing the same-size output, but no decoding); for
 * OpenJPEG, `opj_decompress` on a 64×64 code stream.
 */
export class NativeDecoders {
  private constructor(private readonly dir: string, private readonly tinyJ2k: string) {}

  static async create(): Promise<NativeDecoders> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-bench-native-'));
    const tiny = new Uint16Array(64 * 64).map((_, i) => i % 4096);
    const tinyJ2k = path.join(dir, 'tiny.j2k');
    await writeFile(tinyJ2k, await encodeJpeg2000({ rows: 64, columns: 64, bitsAllocated: 16, bitsStored: 12, signed: false, bytes: new Uint8Array(tiny.buffer) }, true));
    return new NativeDecoders(dir, tinyJ2k);
  }

  async time(tool: NativeTool, file: string, uncompressedCounterpart: string, repeats: number): Promise<NativeTiming> {
    const out = path.join(this.dir, 'out');
    if (tool === 'opj_decompress') {
      const j2k = path.join(this.dir, `${path.basename(file, '.dcm')}.j2k`);
      await writeFile(j2k, await codeStream(file));
      const times = timeAlternately([tool, ['-quiet', '-i', j2k, '-o', `${out}.rawl`]], [tool, ['-quiet', '-i', this.tinyJ2k, '-o', `${out}-tiny.rawl`]], repeats);
      return { tool, ...times, startupHow: 'opj_decompress on a 64×64 code stream' };
    }
    const times = timeAlternately([tool, [file, `${out}.dcm`]], ['dcmconv', [uncompressedCounterpart, `${out}-copy.dcm`]], repeats);
    return { tool, ...times, startupHow: `dcmconv on ${path.basename(uncompressedCounterpart)}` };
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
