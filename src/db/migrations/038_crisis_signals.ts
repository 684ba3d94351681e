import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * The raid detector's counters (issue 24): one row per scope ("c<id>" a community, "t<id>" a
 * topic) and signal, holding the last minutes' counts and the usual pace (src/crisis/detector.ts).
 * Each event updates its row and nothing else, so the cost per post does not grow with history.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('crisis_signals')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('signal', 'text', (c) => c.notNull())
    .addColumn('minute', 'bigint', (c) => c.notNull())
    // The window's counts, oldest first, as JSON: a handful of small numbers.
    .addColumn('recent', 'text', (c) => c.notNull())
    .addColumn('baseline', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('crisis_signals_pk', ['scope', 'signal'])
    .execute();
}
