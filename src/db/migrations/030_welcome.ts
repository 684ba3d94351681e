import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * The welcome queue (issue 23): each community's welcome templates, one per language, as its
 * animators edited them. No row: the default template of src/welcome/templates.ts.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('welcome_templates')
    .addColumn('community_id', 'bigint', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'bigint', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('welcome_templates_pk', ['community_id', 'locale'])
    .execute();
}
