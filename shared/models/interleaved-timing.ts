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
 * a warm-up turn whose runs are thrown away, then they take turns, round after round, in an order that rotates every round, and
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

  const turn = async (config: TimedConfiguration, runs: number, warmUp: boolean, keep = true): Promise<number[]> => {
    checkpoint();
    try {
      const taken = await config.time(runs, warmUp);
      if (keep) (samples[config.key] ??= []).push(...taken);
      return taken;
    } catch (error) {
      checkpoint();
      failed[config.key] = error;
      delete samples[config.key];
      live = live.filter((c) => c !== config);
      return [];
    }
  };

  // Warm-up turns, thrown away: a fresh worker or process is still filling its caches and JIT
  // for its first runs (an untimed pass is not enough). They size each configuration's turns.
  for (const config of configurations) {
    const first = (await turn(config, 1, true, false))[0];
    if (first === undefined) continue;
    const more = first < turnMs ? Math.min(maxRunsPerTurn, Math.ceil(turnMs / Math.max(first, 0.01))) : 1;
    const warm = Math.min(first, ...(await turn(config, more, false, false)));
    runsPerTurn[config.key] = Math.min(maxRunsPerTurn, Math.max(1, Math.ceil(turnMs / Math.max(warm, 0.01))));
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
