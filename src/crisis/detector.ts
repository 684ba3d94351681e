/**
 * The raid detector's arithmetic (issue 24), apart from any storage: one small state per scope
 * (a community or a topic) and signal (new accounts, posts by young accounts, flags), updated in
 * constant time by each event — never a scan of history on the write path.
 *
 * The state keeps the counts of the last few minutes (the short window a wave shows in) and a
 * baseline: the usual count per minute, an exponentially weighted average whose half-life is a
 * day, so that five minutes of a wave barely move it and a community's rhythm of the week does.
 * A wave is a window whose count passes both a multiple of what the baseline expects over the
 * window and a floor, so that a quiet community's handful of posts never looks like a raid.
 */

export const signals = ['new_accounts', 'young_posts', 'flags'] as const;
export type Signal = (typeof signals)[number];

export interface DetectorSettings {
  /** The short window a wave is counted over, in minutes. */
  windowMinutes: number;
  /** How many times the usual count over the window makes a wave. */
  multiple: number;
  /** The least count over the window that can make a wave, per signal. */
  floor: Record<Signal, number>;
  /** The baseline's half-life, in minutes. */
  halfLifeMinutes: number;
}

export const defaultDetectorSettings: DetectorSettings = {
  windowMinutes: 5,
  multiple: 4,
  floor: { new_accounts: 10, young_posts: 30, flags: 10 },
  halfLifeMinutes: 24 * 60,
};

export interface SignalState {
  /** The minute (ms since the epoch / 60,000) of the newest count. */
  minute: number;
  /** Counts of the window's minutes, oldest first; the last is `minute`'s. */
  recent: number[];
  /** The usual count per minute, before the minutes in `recent`. */
  baseline: number;
}

export function emptyState(minute: number, settings = defaultDetectorSettings): SignalState {
  return { minute, recent: new Array<number>(settings.windowMinutes).fill(0), baseline: 0 };
}

export const minuteOf = (at: number) => Math.floor(at / 60_000);

/**
 * The state moved on to `minute`: the minutes that leave the window enter the baseline (the
 * empty ones in closed form, however long the gap), the new ones start at zero. O(window).
 */
export function advance(
  state: SignalState,
  minute: number,
  settings = defaultDetectorSettings,
): SignalState {
  const gap = minute - state.minute;
  if (gap <= 0) return state;
  const keep = 1 - decayPerMinute(settings);
  const leaving = state.recent.slice(0, Math.min(gap, state.recent.length));
  let baseline = state.baseline;
  for (const count of leaving) baseline = baseline * keep + (1 - keep) * count;
  // Minutes that passed with no event at all, beyond those the window held.
  const silent = Math.max(0, gap - state.recent.length);
  baseline *= keep ** silent;
  const recent = [
    ...state.recent.slice(leaving.length),
    ...new Array<number>(Math.min(gap, state.recent.length)).fill(0),
  ];
  return { minute, recent, baseline };
}

/** The state after `n` events at `at`. */
export function observe(
  state: SignalState,
  at: number,
  n = 1,
  settings = defaultDetectorSettings,
): SignalState {
  const moved = advance(state, minuteOf(at), settings);
  if (minuteOf(at) < moved.minute) return moved; // a late event: the window has moved on
  const recent = [...moved.recent];
  recent[recent.length - 1] = (recent[recent.length - 1] ?? 0) + n;
  return { ...moved, recent };
}

export interface Assessment {
  /** Events in the window. */
  count: number;
  /** What the baseline expects over the window. */
  expected: number;
  /** The count that makes a wave: the larger of the multiple and the floor. */
  threshold: number;
  wave: boolean;
}

/** Whether the window, as of `at`, holds a wave of this signal. */
export function assess(
  state: SignalState,
  signal: Signal,
  at: number,
  settings = defaultDetectorSettings,
): Assessment {
  const now = advance(state, minuteOf(at), settings);
  const count = now.recent.reduce((sum, n) => sum + n, 0);
  const expected = now.baseline * settings.windowMinutes;
  const threshold = Math.max(settings.floor[signal], Math.ceil(settings.multiple * expected));
  return { count, expected, threshold, wave: count >= threshold };
}

function decayPerMinute(settings: DetectorSettings): number {
  return 1 - 2 ** (-1 / settings.halfLifeMinutes);
}
