import type { Store } from '../../src/db/index.js';
import { DAY } from './calendar.js';
import { scheduledRows, writeHistory } from './history.js';
import { buildPopulation } from './members.js';
import { Random } from './random.js';
import { RowBuffer } from './rows.js';
import { createCommunity } from './setup.js';
import { openSink } from './sinks.js';

export { BENCH_PASSWORD } from './setup.js';
export { MEMBER_BASE } from './members.js';

export interface GenerateOptions {
  members: number;
  events: number;
  days: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface Generated {
  communityId: number;
  slug: string;
  groupIds: number[];
  staffIds: number[];
  adminId: number;
  /** Ms epoch, end of the generated history. */
  to: number;
  events: number;
}

/** The end of every generated history: a fixed UTC midnight, so runs compare. */
export const BENCH_TO = Date.UTC(2026, 10, 1);
const PROGRESS_EVERY = 100_000;

/**
 * Fills a freshly migrated store with one public community (`bench`) whose activity log holds
 * `events` rows over the `days` before BENCH_TO: `members` members joining over time, heavy-tailed
 * activity, threads with first responses, acceptances, reactions and visits. Deterministic for a
 * seed. Staff and admin are real users; members exist only in the log (ids from MEMBER_BASE).
 */
export async function generate(store: Store, opts: GenerateOptions): Promise<Generated> {
  const { members, events, days } = opts;
  if (!(members >= 1 && days >= 30 && Number.isInteger(members) && Number.isInteger(days)))
    throw new Error('generate: members ≥ 1 and days ≥ 30, whole numbers.');
  const rng = new Random(opts.seed ?? 2026);
  const to = BENCH_TO;
  const from = to - days * DAY;
  const before = await countLog(store);
  const setup = await createCommunity(store, rng, from);
  const setupRows = (await countLog(store)) - before;
  const people = buildPopulation(rng, members, from, to);
  const spontaneous = events - setupRows - scheduledRows(people, setup.groups.length);
  if (spontaneous < 0)
    throw new Error(`generate: ${events} events are too few for ${members} members' arrivals.`);
  const plan = { ...setup, from, to, days, people, spontaneous };
  const sink = await openSink(store, setup.communityId);
  const buf = new RowBuffer();
  let done = setupRows;
  let reported = 0;
  const flush = async () => {
    await sink.write(buf);
    done += buf.length;
    buf.length = 0;
    if (opts.onProgress && done - reported >= PROGRESS_EVERY) {
      reported = done;
      opts.onProgress(done, events);
    }
  };
  try {
    const steps = writeHistory(rng, plan, buf);
    while (!steps.next().done) {
      if (buf.isFull) await flush();
      else await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (buf.length > 0) await flush();
  } catch (err) {
    await sink.abandon();
    throw err;
  }
  await sink.finish();
  opts.onProgress?.(done, events);
  return {
    communityId: setup.communityId,
    slug: 'bench',
    groupIds: setup.groups.map((g) => g.id),
    staffIds: setup.staffIds,
    adminId: setup.adminId,
    to,
    events: done,
  };
}

async function countLog(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('activity_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
