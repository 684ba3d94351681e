import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestStore, databases, type TestStore } from '../../test/harness.js';
import { openStore, type Store } from '../db/index.js';
import { defineJob, type JobLog } from './define.js';
import { openJobs, type Jobs } from './queue.js';

const quiet: JobLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('waited too long');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(databases)('background jobs on %s', (kind) => {
  let db: TestStore;
  // A second instance's connection to the same database. SQLite's embedded start is one process
  // with one connection: there, both instances share it (two connections of one process would
  // wait on each other's locks, synchronously).
  let other: Store;
  const opened: Jobs[] = [];
  const fast = { log: quiet, pollMs: kind === 'postgres' ? 500 : 50, tickMs: 50 };

  beforeAll(async () => {
    db = await createTestStore(kind, { file: true });
    if (!db.database) throw new Error('no database to open twice');
    other = kind === 'postgres' ? openStore(db.database) : db.store;
  });
  afterAll(async () => {
    await Promise.all(opened.map((j) => j.close()));
    if (other !== db.store) await other.close();
    await db.drop();
  });

  /** Jobs of one instance, closed after the suite whatever happens. */
  function instance(store: Store = db.store): Jobs {
    const jobs = openJobs(store);
    opened.push(jobs);
    return jobs;
  }

  it('runs a job with its payload, then forgets it', async () => {
    const seen: { n: number; attempt: number }[] = [];
    const job = defineJob({
      name: `test.runs-${kind}`,
      payload: z.object({ n: z.number().int() }),
      handler: async (p, ctx) => {
        seen.push({ n: p.n, attempt: ctx.attempt });
        await Promise.resolve();
      },
    });
    const jobs = instance();
    jobs.register(job);
    await jobs.start(fast);
    expect(await jobs.enqueue(job, { n: 7 })).toEqual(expect.any(String));
    await waitFor(() => seen.length === 1);
    expect(seen).toEqual([{ n: 7, attempt: 1 }]);
    await waitFor(async () => (await jobs.list()).every((j) => j.name !== job.name));
    await jobs.close();
  });

  it('refuses a payload that does not fit, and a job nobody registered', async () => {
    const job = defineJob({
      name: `test.refuses-${kind}`,
      payload: z.object({ userId: z.number().int() }),
      handler: () => Promise.resolve(),
    });
    const jobs = instance();
    jobs.register(job);
    await expect(jobs.enqueue(job.name, { userId: 'deux' })).rejects.toThrow();
    await expect(jobs.enqueue('test.unknown', {})).rejects.toThrow(/No job named test.unknown/);
    expect((await jobs.list()).filter((j) => j.name === job.name)).toEqual([]);
  });

  it('retries a failing job with growing delays, then lists it as failed; a retry runs it again', async () => {
    const runs: number[] = [];
    let broken = true;
    const job = defineJob({
      name: `test.fails-${kind}`,
      payload: z.object({}),
      retries: 2,
      backoffSeconds: 1,
      handler: () => {
        runs.push(Date.now());
        return broken ? Promise.reject(new Error('SMTP injoignable')) : Promise.resolve();
      },
    });
    const jobs = instance();
    jobs.register(job);
    await jobs.start(fast);
    const id = await jobs.enqueue(job, {}, { key: `fails:${kind}` });
    if (id === null) throw new Error('not queued');
    await waitFor(async () => (await jobs.find(id))?.state === 'failed');
    expect(runs).toHaveLength(3);
    const [first = 0, second = 0, third = 0] = runs;
    // 1 s, then 2 s at least (pg-boss adds up to as much again at random).
    expect(second - first).toBeGreaterThanOrEqual(1000 - 20);
    expect(third - second).toBeGreaterThanOrEqual(2000 - 20);
    const failed = await jobs.list({ states: ['failed'] });
    expect(failed.find((j) => j.id === id)).toMatchObject({
      name: job.name,
      state: 'failed',
      key: `fails:${kind}`,
      attempts: 3,
      maxAttempts: 3,
      lastError: 'SMTP injoignable',
      failedAt: expect.any(Number) as number,
    });
    expect(await jobs.list({ states: ['queued', 'running'] })).not.toContainEqual(
      expect.objectContaining({ id }),
    );

    broken = false;
    expect(await jobs.retry(id)).toBe(true);
    await waitFor(() => runs.length === 4);
    await waitFor(async () => (await jobs.find(id))?.state !== 'failed' || false);
    await waitFor(async () => {
      const found = await jobs.find(id);
      return found === undefined || found.state !== 'running';
    });
    expect((await jobs.list({ states: ['failed'] })).map((j) => j.id)).not.toContain(id);
    // Only a failed job can be retried; an id of nothing is no job.
    expect(await jobs.retry(id)).toBe(false);
    expect(await jobs.retry('12345')).toBe(false);
    expect(await jobs.retry('not-an-id')).toBe(false);
    await jobs.close();
  });

  it('queues a key once, from one instance or from two at the same time', async () => {
    let runs = 0;
    const job = defineJob({
      name: `test.once-${kind}`,
      payload: z.object({ userId: z.number() }),
      handler: () => {
        runs++;
        return Promise.resolve();
      },
    });
    const a = instance();
    const b = instance(other);
    a.register(job);
    b.register(job);
    expect(await a.enqueue(job, { userId: 1 }, { key: `pulse:1:2026-W40:${kind}` })).not.toBeNull();
    expect(await a.enqueue(job, { userId: 1 }, { key: `pulse:1:2026-W40:${kind}` })).toBeNull();
    const both = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? a : b).enqueue(job, { userId: 2 }, { key: `pulse:2:2026-W40:${kind}` }),
      ),
    );
    expect(both.filter((id) => id !== null)).toHaveLength(1);
    await a.start(fast);
    await b.start(fast);
    await waitFor(() => runs === 2);
    // Once run, a key stays taken: enqueuing it again queues nothing.
    expect(await b.enqueue(job, { userId: 1 }, { key: `pulse:1:2026-W40:${kind}` })).toBeNull();
    await sleep(fast.pollMs * 3);
    expect(runs).toBe(2);
    await a.close();
    await b.close();
  });

  it('queues a job in the caller’s transaction: with its write, or not at all', async () => {
    const job = defineJob({
      name: `test.in-transaction-${kind}`,
      payload: z.object({}),
      handler: () => Promise.resolve(),
    });
    const jobs = instance();
    jobs.register(job);
    const key = `rolled-back:${kind}`;
    await expect(
      db.store.db.transaction().execute(async (trx) => {
        await jobs.enqueue(job, {}, { key, db: trx });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect((await jobs.list()).filter((j) => j.name === job.name)).toEqual([]);
    // The key went with the rolled-back transaction: it may be taken now.
    expect(await jobs.enqueue(job, {}, { key })).not.toBeNull();
  });

  it('fires each occurrence of a schedule once, though two instances run it', async () => {
    const fired: number[] = [];
    const job = defineJob({
      name: `test.every-second-${kind}`,
      payload: z.object({}),
      schedule: { everyMs: 1000 },
      handler: (_p, ctx) => {
        fired.push(ctx.scheduledFor ?? -1);
        return Promise.resolve();
      },
    });
    const a = instance();
    const b = instance(other);
    a.register(job);
    b.register(job);
    await Promise.all([a.start(fast), b.start(fast)]);
    await sleep(3500);
    await Promise.all([a.close(), b.close()]);
    expect(fired.length).toBeGreaterThanOrEqual(3);
    expect(new Set(fired).size).toBe(fired.length);
    expect(fired.every((at) => at % 1000 === 0)).toBe(true);
  });

  it.runIf(kind === 'sqlite')('runs after a restart a job queued before it', async () => {
    const seen: string[] = [];
    const job = defineJob({
      name: 'test.survives',
      payload: z.object({ word: z.string() }),
      handler: (p) => {
        seen.push(p.word);
        return Promise.resolve();
      },
    });
    if (!db.database) throw new Error('no file');
    const before = openStore(db.database);
    const queued = openJobs(before);
    queued.register(job);
    await queued.enqueue(job, { word: 'toujours là' });
    await queued.close();
    await before.close();

    const after = instance();
    after.register(job);
    await after.start(fast);
    await waitFor(() => seen.length === 1);
    expect(seen).toEqual(['toujours là']);
  });
});
