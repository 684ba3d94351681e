import type { Db } from '../../db/index.js';

/** The roll-ups' cursor row in rollup_state: the id of the last log row folded. */
export const CURSOR = 'analytics';

/**
 * Takes the cursor row's lock for the rest of the transaction: folds, settlings and window
 * builds then run one at a time, across processes too.
 */
export async function holdCursor(trx: Db): Promise<void> {
  await trx
    .updateTable('rollup_state')
    .set((eb) => ({ last_log_id: eb.ref('last_log_id') }))
    .where('name', '=', CURSOR)
    .execute();
}
