/** Small statistics used by the indicators; definitions in docs/indicators.md. */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Sorted ascending, as a typed array: numeric order without a comparator, ten times faster. */
const sorted = (values: number[]) => Float64Array.from(values).sort();

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Nearest-rank percentile: the smallest value with at least p % of values at or below it. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = sorted(values);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] ?? null;
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Gini coefficient of non-negative amounts: 0 when all equal, towards 1 when one holds all. */
export function gini(amounts: number[]): number | null {
  const n = amounts.length;
  const total = amounts.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return null;
  const s = sorted(amounts);
  const weighted = s.reduce((acc, x, i) => acc + (i + 1) * x, 0);
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** ISO 8601 week key (e.g. 2026-W07), in UTC: the week belongs to the year of its Thursday. */
export function isoWeek(ms: number): string {
  const d = new Date(ms);
  const day = (d.getUTCDay() + 6) % 7;
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3);
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday (UTC midnight) that starts an ISO 8601 week key: isoWeek's inverse. */
export function isoWeekStart(key: string): number {
  const [year = 0, week = 1] = key.split('-W').map(Number);
  const jan4 = Date.UTC(year, 0, 4);
  // Week 1 is the week of 4 January.
  const firstMonday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
  return firstMonday + (week - 1) * 7 * DAY;
}

export function dayKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function monthKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}
