import { consumeLog, moveCursor, readCursor } from '../../activity/index.js';
import { emptyTables, vacuumTables, type Db, type Store } from '../../db/index.js';
import { CURSOR, holdCursor } from './cursor.js';
import { deriveWeeksAndMonths } from './derive.js';
import { BatchFold, postKey, referencedPosts, type LogEntry, type PostRow } from './fold.js';
import { copyFirstResponses } from './first-responses.js';
import { repairAfterDeletions } from './repair.js';
import { markReturns } from './returns.js';
import type { Grain } from './scopes.js';
import { settleBuckets } from './settle.js';
import {
  addAnonymousDays,
  addMemberDeltas,
  applyMemberships,
  offerFirstPosts,
  savePosts,
} from './write.js';

// Present while a rebuild runs (and after a crash in one, until a refresh finishes it): batches
// count days only, and weeks and months are derived from them at the end.
const REBUILDING = 'analytics:rebuilding';
// Log rows per transaction: bigger batches fold more rows into each week and month row.
const BATCH = 50_000;
const REBUILD_BATCH = 250_000;

export interface RefreshProgress {
  done: number;
  total: number;
}

// One refresh at a time per store in this process; each caller's refresh starts after the one
// before it, so it sees every action logged before it was asked for.
const queues = new WeakMap<Store, Promise<unknown>>();

/**
 * Folds the log rows written since the last refresh into the roll-ups, in batches, each in its
 * own transaction with the cursor: history is never recomputed, and a crash loses nothing.
 * Returns how many log rows were read.
 */
export function refreshRollups(
  s: Store,
  onProgress?: (p: RefreshProgress) => void,
): Promise<number> {
  return inTurn(s, () => refreshNow(s, onProgress));
}

function inTurn<T>(s: Store, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(s) ?? Promise.resolve()).catch(() => undefined).then(work);
  queues.set(s, run);
  return run;
}

async function refreshNow(
  s: Store,
  onProgress?: (p: RefreshProgress) => void,
  batch = BATCH,
): Promise<number> {
  const rebuilding = await isRebuilding(s.db);
  const grains: Grain[] = rebuilding ? ['day'] : ['day', 'week', 'month'];
  const { read, end } = await consumeLog(s, CURSOR, { batch, onProgress }, (trx, rows) =>
    applyBatch(s, trx, rows, grains, rebuilding),
  );
  await s.db.transaction().execute(async (trx) => {
    // The cursor row again: one settling at a time across processes.
    await holdCursor(trx);
    if ((await isRebuilding(trx)) && (await readCursor(trx, CURSOR)) >= end) {
      await deriveWeeksAndMonths(trx, s.dialect);
      await copyFirstResponses(trx, 'all');
      await markReturns(trx, 'all');
      await trx.deleteFrom('rollup_state').where('name', '=', REBUILDING).execute();
    }
    await settleBuckets(trx, s.dialect);
  });
  return read;
}

async function isRebuilding(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('rollup_state')
    .select('name')
    .where('name', '=', REBUILDING)
    .executeTakeFirst();
  return row !== undefined;
}

/** `rebuilding`: weeks, months and what first posts need are worked out once at the end. */
async function applyBatch(
  s: Store,
  trx: Db,
  rows: LogEntry[],
  grains: Grain[],
  rebuilding: boolean,
): Promise<void> {
  const fold = new BatchFold(await loadPosts(trx, referencedPosts(rows)), grains);
  for (const row of rows) fold.add(row);
  await savePosts(
    s,
    trx,
    [...fold.dirty].flatMap((key) => fold.posts.get(key) ?? []),
  );
  await addMemberDeltas(s, trx, fold.deltas());
  await addAnonymousDays(s, trx, fold.anonymousDays.values());
  await offerFirstPosts(trx, fold);
  await applyMemberships(trx, fold.memberships);
  await repairAfterDeletions(s, trx, fold);
  if (rebuilding) return;
  // The posts saved above (and by the repairs), and the members whose first post moved.
  await copyFirstResponses(trx, {
    posts: [...fold.dirty, ...fold.lostFirstReply],
    members: fold.authorsToRecheck,
  });
  await markReturns(trx, new Set([...fold.authorsWithPosts, ...fold.authorsToRecheck]));
}

async function loadPosts(
  trx: Db,
  ids: { topics: Set<number>; replies: Set<number> },
): Promise<Map<string, PostRow>> {
  const posts = new Map<string, PostRow>();
  for (const [kind, set] of [
    ['topic', ids.topics],
    ['reply', ids.replies],
  ] as const) {
    const all = [...set];
    for (let i = 0; i < all.length; i += 1000) {
      const rows = await trx
        .selectFrom('rollup_posts')
        .selectAll()
        .where('kind', '=', kind)
        .where('id', 'in', all.slice(i, i + 1000))
        .execute();
      for (const r of rows) posts.set(postKey(r.kind, r.id), r);
    }
  }
  return posts;
}

const ROLLUP_TABLES = [
  'rollup_member_days',
  'rollup_member_weeks',
  'rollup_member_months',
  'rollup_buckets',
  'rollup_dirty',
  'rollup_posts',
  'rollup_first_posts',
  'rollup_memberships',
  'rollup_recent_members',
  'rollup_recent_windows',
  'rollup_recent_rungs',
  'rollup_recent_groups',
  'rollup_anonymous_days',
];

/** Empties the roll-ups and reads the whole log again (`ruche rollups rebuild`). */
export async function rebuildRollups(
  s: Store,
  onProgress?: (p: RefreshProgress) => void,
): Promise<number> {
  return inTurn(s, async () => {
    await s.db.transaction().execute(async (trx) => {
      await emptyTables(trx, s.dialect, ROLLUP_TABLES);
      await moveCursor(trx, CURSOR, 0);
      await trx
        .insertInto('rollup_state')
        .values({ name: REBUILDING, last_log_id: 0 })
        .onConflict((oc) => oc.doNothing())
        .execute();
    });
    const folded = await refreshNow(s, onProgress, REBUILD_BATCH);
    await vacuumTables(s.db, s.dialect, ROLLUP_TABLES);
    return folded;
  });
}
