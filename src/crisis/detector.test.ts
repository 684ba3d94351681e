import { describe, expect, it } from 'vitest';
import {
  advance,
  assess,
  defaultDetectorSettings as settings,
  emptyState,
  observe,
  type SignalState,
} from './detector.js';

const MINUTE = 60_000;
const start = Date.UTC(2026, 11, 1) / MINUTE;

/** `perMinute` posts every minute for `minutes`, from `state`'s minute on. */
function steady(state: SignalState, perMinute: number, minutes: number): SignalState {
  let s = state;
  for (let m = 1; m <= minutes; m++) s = observe(s, (state.minute + m) * MINUTE, perMinute);
  return s;
}

describe('the raid detector', () => {
  it('learns a community’s usual pace and does not call it a wave', () => {
    // Two posts by young accounts a minute for three days: the baseline comes close to 2 a
    // minute (three half-lives: 1 − 1/8 of the way), and 5 minutes at that pace (10) stay far
    // under max(floor 30, 4 × 5 × baseline ≈ 35).
    const s = steady(emptyState(start), 2, 3 * 24 * 60);
    expect(s.baseline).toBeGreaterThan(1.7);
    expect(s.baseline).toBeLessThan(2);
    const a = assess(s, 'young_posts', (s.minute + 0.5) * MINUTE);
    expect(a.count).toBe(10);
    expect(a.wave).toBe(false);
  });

  it('sees a wave in its first minute: 300 accounts posting ten times the pace', () => {
    const usual = steady(emptyState(start), 2, 3 * 24 * 60);
    // 3,000 replies in 5 minutes: 600 a minute; the first minute alone passes the threshold.
    const hit = observe(usual, (usual.minute + 1) * MINUTE + 10_000, 600);
    const a = assess(hit, 'young_posts', (usual.minute + 1) * MINUTE + 20_000);
    expect(a.count).toBe(600 + 8); // the wave, and the 4 minutes before it at 2 a minute
    expect(a.threshold).toBeLessThan(40);
    expect(a.wave).toBe(true);
  });

  it('needs the floor in a community with no history', () => {
    let s = emptyState(start);
    s = observe(s, (start + 1) * MINUTE, 29);
    expect(assess(s, 'young_posts', (start + 1) * MINUTE).wave).toBe(false);
    s = observe(s, (start + 2) * MINUTE, 1);
    expect(assess(s, 'young_posts', (start + 2) * MINUTE)).toMatchObject({
      count: 30,
      threshold: 30,
      wave: true,
    });
  });

  it('forgets a wave once its minutes leave the window, and barely learns from it', () => {
    const usual = steady(emptyState(start), 2, 3 * 24 * 60);
    const wave = steady(usual, 600, 5);
    expect(assess(wave, 'young_posts', wave.minute * MINUTE).wave).toBe(true);
    const after = advance(wave, wave.minute + 5);
    expect(assess(after, 'young_posts', after.minute * MINUTE).count).toBe(0);
    // 3,000 posts enter an average whose half-life is a day: it moves by about 3,000 × ln 2 /
    // 1,440 ≈ 1.4, so the next wave meets a threshold still near the floor.
    expect(after.baseline - usual.baseline).toBeGreaterThan(1);
    expect(after.baseline - usual.baseline).toBeLessThan(1.5);
  });

  it('moves over a long silence in one step, as it would minute by minute', () => {
    const busy = steady(emptyState(start), 3, 600);
    const jumped = advance(busy, busy.minute + 2_000);
    let walked = busy;
    for (let m = 1; m <= 2_000; m++) walked = advance(walked, busy.minute + m);
    expect(jumped.recent).toEqual(walked.recent);
    expect(jumped.baseline).toBeCloseTo(walked.baseline, 10);
    expect(jumped.recent).toEqual(new Array(settings.windowMinutes).fill(0));
  });
});
