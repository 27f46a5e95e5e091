import { median } from './forward-pass-timing';

/** One way of running a pack's graph (a backend with a thread count), timed on demand. */
export interface TimedConfiguration {
  key: string;
  /** Times `runs` forward passes, after an untimed warm-up when `warmUp`: ms per view of each. */
  time(runs: number, warmUp: boolean): Promise<number[]>;
}

export interface InterleavedTimingOptions {
  /** Timed rounds every configuration gets, whatever the budget. */
  minRounds?: number;
  /** No more rounds than this. */
  maxRounds?: number;
  /** Once the minimum rounds are done, stop starting rounds after this many milliseconds. */
  budgetMs?: number;
  /** About how long one configuration's turn in a round lasts: fast graphs run several times per turn. */
  turnMs?: number;
  maxRunsPerTurn?: number;
  /** Throws to cancel; called before every turn. */
  checkpoint?(): void;
  now?(): number;
}

export interface InterleavedTiming {
  /** Median milliseconds per view of every configuration that ran. */
  msPerView: Record<string, number>;
  samples: Record<string, number[]>;
  /** Configurations that failed, with their error; the others went on. */
  failed: Record<string, unknown>;
}

/**
 * Times several configurations of the same graph against each other on a busy machine. Each gets
 * a warm-up, then they take turns, round after round, in an order that rotates every round, and
 * each is summarised by the median of all its samples. A burst of load from elsewhere then
 * slows a few samples of every configuration instead of all the samples of one of them, which
 * is what flipped the choice when each configuration was timed in one block (issue 5: the
 * calibration chose native for a small graph on which WASM was 2× faster minutes later).
 */
export async function timeInterleaved(configurations: readonly TimedConfiguration[], options: InterleavedTimingOptions = {}): Promise<InterleavedTiming> {
  const { minRounds = 3, maxRounds = 6, budgetMs = 2500, turnMs = 120, maxRunsPerTurn = 10, checkpoint = () => undefined, now = () => performance.now() } = options;
  const samples: Record<string, number[]> = {};
  const failed: Record<string, unknown> = {};
  const runsPerTurn: Record<string, number> = {};
  let live = [...configurations];

  const turn = async (config: TimedConfiguration, runs: number, warmUp: boolean): Promise<void> => {
    checkpoint();
    try {
      (samples[config.key] ??= []).push(...(await config.time(runs, warmUp)));
    } catch (error) {
      checkpoint();
      failed[config.key] = error;
      delete samples[config.key];
      live = live.filter((c) => c !== config);
    }
  };

  for (const config of configurations) {
    await turn(config, 1, true);
    const first = samples[config.key]?.[0];
    if (first !== undefined) runsPerTurn[config.key] = Math.min(maxRunsPerTurn, Math.max(1, Math.ceil(turnMs / Math.max(first, 0.01))));
  }
  const started = now();
  for (let round = 0; round < maxRounds && live.length > 0; round++) {
    if (round >= minRounds && now() - started > budgetMs) break;
    const order = live.map((_, i) => live[(i + round) % live.length]!);
    for (const config of order) await turn(config, runsPerTurn[config.key]!, false);
  }

  const msPerView: Record<string, number> = {};
  for (const [key, values] of Object.entries(samples)) msPerView[key] = median(values);
  return { msPerView, samples, failed };
}
