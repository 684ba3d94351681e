import os from 'node:os';
import type { Load } from './measure.js';

export interface Row extends Load {
  name: string;
  path: string;
  rssMb: number;
  ratio: number;
}

// The target set for Ruche's read paths: half the bare-Fastify ceiling, and a p99 under 50 ms.
export const TARGET_RATIO = 0.5;
export const TARGET_P99_MS = 50;

/** Failed requests are fast to answer, so a run with errors cannot count as meeting the target. */
export function meetsTarget(row: Row): boolean {
  return row.ratio >= TARGET_RATIO && row.p99 < TARGET_P99_MS && row.errors === 0;
}

export function table(rows: Row[]): string {
  const head =
    '| Scenario | Path | req/s | KB per response | p50 ms | p99 ms | errors + non-2xx | peak RSS MB | vs ceiling |';
  const lines = rows.map((r) =>
    [
      r.name,
      `\`${r.path}\``,
      r.rps.toFixed(0),
      (r.bytes / 1000).toFixed(1),
      r.p50.toFixed(1),
      r.p99.toFixed(1),
      String(r.errors),
      r.rssMb.toFixed(0),
      `${(r.ratio * 100).toFixed(1)} %`,
    ].join(' | '),
  );
  return [head, '|---|---|--:|--:|--:|--:|--:|--:|--:|', ...lines.map((l) => `| ${l} |`)].join(
    '\n',
  );
}

export function verdicts(rows: Row[]): string[] {
  return rows.map(
    (r) =>
      `- ${r.name}: ${meetsTarget(r) ? 'yes' : 'no'} — ${(r.ratio * 100).toFixed(1)} % of the ` +
      `ceiling, p99 ${r.p99.toFixed(1)} ms, ${r.errors} errors.`,
  );
}

/** Other work on the machine skews every figure: the 1-minute load average says how much. */
export function loadAverage(): string {
  return os.loadavg()[0]?.toFixed(2) ?? '?';
}
