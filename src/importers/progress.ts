import { Presets, SingleBar } from 'cli-progress';

/** A progress bar for one phase of an import, or nothing when not run from a terminal. */
export interface Phase {
  update(value: number): void;
  increment(by: number): void;
  stop(): void;
}

const silent: Phase = {
  update: () => undefined,
  increment: () => undefined,
  stop: () => undefined,
};

export function startPhase(
  enabled: boolean,
  label: string,
  total: number,
  unit: string,
  start = 0,
): Phase {
  if (!enabled) return silent;
  const bar = new SingleBar(
    { format: `${label.padEnd(8)} [{bar}] {percentage}% | {value}/{total} ${unit}` },
    Presets.shades_classic,
  );
  bar.start(total, start);
  return {
    update: (value) => bar.update(value),
    increment: (by) => bar.increment(by),
    stop: () => bar.stop(),
  };
}
