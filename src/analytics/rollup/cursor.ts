import { holdCursor as holdLogCursor } from '../../activity/index.js';
import type { Db } from '../../db/index.js';

/** The roll-ups' cursor in log_cursors: the id of the last log row folded. */
export const CURSOR = 'analytics';

/**
 * Takes the cursor row's lock for the rest of the transaction: folds, settlings and window
 * builds then run one at a time, across processes too.
 */
export function holdCursor(trx: Db): Promise<void> {
  return holdLogCursor(trx, CURSOR);
}
