import { readCursor } from '../src/activity/index.js';
import { processNotifications } from '../src/notifications/index.js';
import type { TestApp } from './harness.js';

/**
 * Brings the notifications' consumer to the log's end, so that a test sees what was notified and
 * that nothing else was. The app's own runs (after each write, and polled) may be going too: a
 * pass that finds the cursor taken goes on from where the other left it, and this loop checks
 * until the cursor has reached the log's end (docs/decisions/006).
 */
export async function caughtUp(t: Pick<TestApp, 'store'>): Promise<void> {
  for (const until = Date.now() + 10_000; ;) {
    const end = await t.store.db
      .selectFrom('activity_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    if ((await readCursor(t.store.db, 'notifications')) >= Number(end.id ?? 0)) return;
    if (Date.now() > until) throw new Error('the notifications consumer did not catch up');
    await processNotifications(t.store);
  }
}
