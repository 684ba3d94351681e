import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
    '| Scenario | Path | req/s | p50 ms | p99 ms | errors + non-2xx | peak RSS MB | vs ceiling |';
  const lines = rows.map((r) =>
    [
      r.name,
      `\`${r.path}\``,
      r.rps.toFixed(0),
      r.p50.toFixed(1),
      r.p99.toFixed(1),
      String(r.errors),
      r.rssMb.toFixed(0),
      `${(r.ratio * 100).toFixed(1)} %`,
    ].join(' | '),
  );
  return [head, '|---|---|--:|--:|--:|--:|--:|--:|', ...lines.map((l) => `| ${l} |`)].join('\n');
}

export function verdicts(rows: Row[]): string[] {
  return rows.map(
    (r) =>
      `- ${r.name}: ${meetsTarget(r) ? 'yes' : 'no'} — ${(r.ratio * 100).toFixed(1)} % of the ` +
      `ceiling, p99 ${r.p99.toFixed(1)} ms, ${r.errors} errors.`,
  );
}

export function machine(): string {
  const cpus = os.cpus();
  const gb = (os.totalmem() / 1024 ** 3).toFixed(1);
  return (
    `${os.type()} ${os.release()} (${os.arch()}), ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ` +
    `${cpus.length} cores, ${gb} GB RAM, Node ${process.version}`
  );
}

/** Other work on the machine skews every figure: the 1-minute load average says how much. */
export function loadAverage(): string {
  return os.loadavg()[0]?.toFixed(2) ?? '?';
}

/** The commit, flagged when tracked files differ from it: others may be editing src/ meanwhile. */
export function commit(): string {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  try {
    const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
    return git('rev-parse', '--short', 'HEAD') + (dirty ? ' (plus uncommitted changes)' : '');
  } catch {
    return 'unknown';
  }
}

const START = '<!-- bench:http:start -->';
const END = '<!-- bench:http:end -->';

/** Replaces the benchmark's own section of RESULTS.md, leaving whatever else it holds alone. */
export function writeSection(file: string, body: string): void {
  const section = `${START}\n${body.trim()}\n${END}`;
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const from = old.indexOf(START);
  const to = old.indexOf(END);
  const next =
    from >= 0 && to > from
      ? old.slice(0, from) + section + old.slice(to + END.length)
      : `${old.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
