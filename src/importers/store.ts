import type { Insertable } from 'kysely';
import { bulkInsert, type BulkColumns, type Database, type Db, type Store } from '../db/index.js';

export type MapKind = Database['import_map']['kind'];
export type MapRow = Omit<Insertable<Database['import_map']>, 'source'>;

/** The first run of a source: it created the community every later run adds to. */
export function findFirstRun(db: Db, source: string) {
  return db
    .selectFrom('import_runs')
    .select(['id', 'community_id', 'email_tag', 'started_at'])
    .where('source', '=', source)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

export async function hasOtherSources(db: Db, source: string): Promise<boolean> {
  const row = await db
    .selectFrom('import_runs')
    .select('id')
    .where('source', '<>', source)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertRun(
  db: Db,
  r: { source: string; communityId: number; emailTag: string | null; at: number },
): Promise<number> {
  const row = await db
    .insertInto('import_runs')
    .values({
      source: r.source,
      community_id: r.communityId,
      email_tag: r.emailTag,
      started_at: r.at,
      finished_at: null,
      summary: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishRun(db: Db, id: number, at: number, summary: string): Promise<void> {
  await db
    .updateTable('import_runs')
    .set({ finished_at: at, summary })
    .where('id', '=', id)
    .execute();
}

/** Source id → row id for everything of one kind already imported from a source. */
export async function loadMap(db: Db, source: string, kind: MapKind): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('import_map')
    .select(['source_id', 'target_id'])
    .where('source', '=', source)
    .where('kind', '=', kind)
    .execute();
  return new Map(rows.map((r) => [Number(r.source_id), Number(r.target_id)]));
}

const MAP_COLUMNS: BulkColumns<Insertable<Database['import_map']>> = {
  source: 'text',
  kind: 'text',
  source_id: 'bigint',
  target_id: 'bigint',
  run_id: 'bigint',
};

/** Records what a transaction, `trx` of the store `s`, imported; call it in that transaction. */
export function insertMappings(s: Store, trx: Db, source: string, rows: MapRow[]): Promise<void> {
  return bulkInsert(
    s,
    trx,
    'import_map',
    MAP_COLUMNS,
    rows.map((r) => ({ ...r, source })),
  );
}
