/** What the decode page measured for one file, per repeat, in ms. */
export interface DecodeTiming {
  /** From `imageLoader.loadImage` to the image: Blob read, parse, worker decode, image creation. */
  totalMs: number[];
  /** The worker's own decode time (the loader's `decodeTimeInMS`: codec plus post-processing). */
  workerMs: number[];
  rows: number;
  columns: number;
}
