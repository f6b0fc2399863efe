/** The median of a sample (the lower middle for an even count), NaN when empty. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor((s.length - 1) / 2)] ?? Number.NaN;
}

/** The 95th percentile of a sample (nearest rank), NaN when empty. */
export function p95(xs: readonly number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] ?? Number.NaN;
}

/** Rounds for printing: timings below a few milliseconds need their hundredths. */
export function round(x: number, digits = 2): number {
  return Number(x.toFixed(digits));
}
