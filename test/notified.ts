import { readCursor } from '../src/activity/index.js';
import type { TestApp } from './harness.js';

/**
 * Waits until the notifications' consumer has read the whole log: it runs right after each
 * write, so a test then sees what was notified, and that nothing else was.
 */
export async function caughtUp(t: Pick<TestApp, 'store'>): Promise<void> {
  for (const until = Date.now() + 10_000; ;) {
    const end = await t.store.db
      .selectFrom('activity_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    if ((await readCursor(t.store.db, 'notifications')) >= Number(end.id ?? 0)) return;
    if (Date.now() > until) throw new Error('the notifications consumer did not catch up');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
