import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * Search filters by topic kind and by solved question: facts of the topic, copied onto each of
 * its search documents as its title is (the search feature never reads the conversations'
 * tables), and filled in here for the documents already indexed.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('search_documents')
    .addColumn('topic_kind', 'text', (c) => c.notNull().defaultTo('discussion'))
    .execute();
  await db.schema
    .alterTable('search_documents')
    .addColumn('is_solved', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // A question is solved while it has an accepted answer; a discussion never is.
  await sql`
    update search_documents
    set topic_kind = t.kind,
      is_solved = case when t.kind = 'question' and t.accepted_reply_id is not null then 1 else 0 end
    from topics t
    where t.id = search_documents.topic_id`.execute(db);
}
