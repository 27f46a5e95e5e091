import type { BenchRow } from './archive-query.bench';

/** One printed line of a bench table: label, value (ratios to 2 places), unit, note. */
export function formatRow(row: BenchRow): string {
  const value = row.unit === '×' ? row.value.toFixed(2) : row.value.toFixed(row.value < 10 ? 3 : 1);
  return `  ${row.label.padEnd(62)} ${value.padStart(10)} ${row.unit.padEnd(3)} ${row.note ?? ''}`;
}
