import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import { withId, type AnyDb } from './helpers.js';

/**
 * Imports from other platforms (src/importers): which source went into which community, and
 * which source ids became which rows, so a re-run skips what is already there. Also the vote
 * score Stack Exchange keeps per post, which its public dumps only give as anonymous counts.
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  const time = 'bigint';

  await db.schema
    .alterTable('topics')
    .addColumn('score', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('replies')
    .addColumn('score', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(dialect, db.schema.createTable('import_runs'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('community_id', 'bigint', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('email_tag', 'text')
    .addColumn('started_at', time, (c) => c.notNull())
    .addColumn('finished_at', time)
    .addColumn('summary', 'text')
    .execute();
  await db.schema
    .createIndex('import_runs_source_idx')
    .on('import_runs')
    .columns(['source', 'id'])
    .execute();

  await db.schema
    .createTable('import_map')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'bigint', (c) => c.notNull())
    .addColumn('target_id', 'bigint', (c) => c.notNull())
    .addColumn('run_id', 'bigint', (c) =>
      c.notNull().references('import_runs.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('import_map_pk', ['source', 'kind', 'source_id'])
    .addCheckConstraint(
      'import_map_kind_check',
      sql`kind in ('user', 'deleted_user', 'question', 'answer', 'comment')`,
    )
    .execute();
}
