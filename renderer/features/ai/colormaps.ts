/**
 * Colour maps for heatmaps: 256-entry RGB tables, built once from a few control points and
 * linearly interpolated between them.
 */
export const COLORMAP_IDS = ['jet', 'hot', 'viridis'] as const;
export type ColormapId = (typeof COLORMAP_IDS)[number];

type Stop = readonly [position: number, r: number, g: number, b: number];

const STOPS: Record<ColormapId, readonly Stop[]> = {
  jet: [
    [0, 0, 0, 131],
    [0.125, 0, 60, 170],
    [0.375, 5, 255, 255],
    [0.625, 255, 255, 0],
    [0.875, 250, 0, 0],
    [1, 128, 0, 0],
  ],
  hot: [
    [0, 10, 0, 0],
    [0.375, 255, 0, 0],
    [0.75, 255, 255, 0],
    [1, 255, 255, 255],
  ],
  viridis: [
    [0, 68, 1, 84],
    [0.25, 59, 82, 139],
    [0.5, 33, 145, 140],
    [0.75, 94, 201, 98],
    [1, 253, 231, 37],
  ],
};

const tables = new Map<ColormapId, Uint8Array>();

function build(stops: readonly Stop[]): Uint8Array {
  const table = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = i / 255;
    let k = 1;
    while (k < stops.length - 1 && stops[k]![0] < t) k++;
    const [p0, r0, g0, b0] = stops[k - 1]!;
    const [p1, r1, g1, b1] = stops[k]!;
    const f = p1 > p0 ? Math.min(1, Math.max(0, (t - p0) / (p1 - p0))) : 0;
    table[i * 3] = Math.round(r0 + (r1 - r0) * f);
    table[i * 3 + 1] = Math.round(g0 + (g1 - g0) * f);
    table[i * 3 + 2] = Math.round(b0 + (b1 - b0) * f);
  }
  return table;
}

/** The 256×RGB table of a colour map (index = activation·255). */
export function colormapTable(id: ColormapId): Uint8Array {
  let table = tables.get(id);
  if (!table) {
    table = build(STOPS[id]);
    tables.set(id, table);
  }
  return table;
}
