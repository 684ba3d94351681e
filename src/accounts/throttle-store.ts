import type { Db } from '../db/index.js';

/** The store of failed sign-ins (table `sign_in_failures`), kept apart from store.ts. */
export interface FailureRow {
  failures: number;
  last_failure_at: number;
  next_attempt_at: number;
}

export async function findFailures(db: Db, key: string): Promise<FailureRow | undefined> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select(['failures', 'last_failure_at', 'next_attempt_at'])
    .where('key', '=', key)
    .executeTakeFirst();
  return (
    row && {
      failures: Number(row.failures),
      last_failure_at: Number(row.last_failure_at),
      next_attempt_at: Number(row.next_attempt_at),
    }
  );
}

/**
 * Writes the row that follows `seen` (absent: none yet) only if nobody changed it meanwhile,
 * so that two instances cannot both take the same attempt. False when someone did.
 */
export async function replaceFailures(
  db: Db,
  key: string,
  seen: FailureRow | undefined,
  next: FailureRow,
): Promise<boolean> {
  if (!seen) {
    const result = await db
      .insertInto('sign_in_failures')
      .values({ key, ...next })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  const result = await db
    .updateTable('sign_in_failures')
    .set(next)
    .where('key', '=', key)
    .where('failures', '=', seen.failures)
    .where('last_failure_at', '=', seen.last_failure_at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
}

export async function deleteFailuresBefore(db: Db, before: number): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('last_failure_at', '<', before).execute();
}
