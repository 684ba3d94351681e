import type { Db, Dialect } from '../db/index.js';
import {
  advance,
  assess,
  defaultDetectorSettings,
  emptyState,
  minuteOf,
  observe,
  type Assessment,
  type DetectorSettings,
  type Signal,
  type SignalState,
} from './detector.js';

/** Where a signal is counted: a community, or one topic of it. */
export type Scope = { communityId: number } | { topicId: number };

export function scopeKey(scope: Scope): string {
  return 'communityId' in scope ? `c${scope.communityId}` : `t${scope.topicId}`;
}

async function load(
  db: Db,
  dialect: Dialect,
  key: string,
  signal: Signal,
  locked: boolean,
): Promise<SignalState | undefined> {
  const row = await db
    .selectFrom('crisis_signals')
    .select(['minute', 'recent', 'baseline'])
    .where('scope', '=', key)
    .where('signal', '=', signal)
    // Two instances counting the same topic at once: the second waits for the first's count.
    .$if(locked && dialect === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    minute: Number(row.minute),
    recent: JSON.parse(row.recent) as number[],
    baseline: Number(row.baseline),
  };
}

/**
 * Counts `n` events of a signal at `at` in the caller's transaction — one row read and written,
 * whatever the history — and says whether the window now holds a wave.
 */
export async function countSignal(
  trx: Db,
  dialect: Dialect,
  scope: Scope,
  signal: Signal,
  at: number,
  n = 1,
  settings: DetectorSettings = defaultDetectorSettings,
): Promise<Assessment> {
  const key = scopeKey(scope);
  const before = await load(trx, dialect, key, signal, true);
  const state = observe(before ?? emptyState(minuteOf(at), settings), at, n, settings);
  const values = {
    minute: state.minute,
    recent: JSON.stringify(state.recent),
    baseline: state.baseline,
  };
  await trx
    .insertInto('crisis_signals')
    .values({ scope: key, signal, ...values })
    .onConflict((oc) => oc.columns(['scope', 'signal']).doUpdateSet(values))
    .execute();
  return assess(state, signal, at, settings);
}

/** Where a signal stands at `at`, without counting anything (a quiet scope: an empty window). */
export async function signalNow(
  db: Db,
  dialect: Dialect,
  scope: Scope,
  signal: Signal,
  at: number,
  settings: DetectorSettings = defaultDetectorSettings,
): Promise<Assessment> {
  const state = await load(db, dialect, scopeKey(scope), signal, false);
  return assess(
    advance(state ?? emptyState(minuteOf(at), settings), minuteOf(at), settings),
    signal,
    at,
    settings,
  );
}
