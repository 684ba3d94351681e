import type { Db } from '../db/index.js';
import type { WatchAction } from './match.js';

const listColumns = [
  'id',
  'community_id',
  'name',
  'action',
  'entries',
  'message_fr',
  'message_en',
  'updated_at',
] as const;

/** A community's lists, oldest first. */
export function listsOf(db: Db, communityId: number) {
  return db
    .selectFrom('watch_lists')
    .select(listColumns)
    .where('community_id', '=', communityId)
    .orderBy('id')
    .execute();
}

export type ListRow = Awaited<ReturnType<typeof listsOf>>[number];

/** One list, whatever its community: loaded before the viewer's access is checked. */
export function unsafeFindList(db: Db, id: number) {
  return db.selectFrom('watch_lists').select(listColumns).where('id', '=', id).executeTakeFirst();
}

export async function countLists(db: Db, communityId: number): Promise<number> {
  const row = await db
    .selectFrom('watch_lists')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('community_id', '=', communityId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface ListValues {
  name: string;
  action: WatchAction;
  entries: string;
  message_fr: string | null;
  message_en: string | null;
}

export async function insertList(
  db: Db,
  communityId: number,
  values: ListValues,
  by: number,
  at: number,
): Promise<number> {
  const row = await db
    .insertInto('watch_lists')
    .values({
      community_id: communityId,
      ...values,
      created_by: by,
      created_at: at,
      updated_by: by,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateList(db: Db, id: number, values: ListValues, by: number, at: number) {
  await db
    .updateTable('watch_lists')
    .set({ ...values, updated_by: by, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function deleteList(db: Db, id: number) {
  await db.deleteFrom('watch_lists').where('id', '=', id).execute();
}

/** Every change to a community's lists, in its transaction: other instances recompile. */
export async function bumpVersion(db: Db, communityId: number) {
  await db
    .insertInto('watch_word_versions')
    .values({ community_id: communityId, version: 1 })
    .onConflict((oc) =>
      oc
        .column('community_id')
        .doUpdateSet((eb) => ({ version: eb('watch_word_versions.version', '+', 1) })),
    )
    .execute();
}

/** The community's lists' version: one row by primary key, read on every post. */
export async function versionOf(db: Db, communityId: number): Promise<number> {
  const row = await db
    .selectFrom('watch_word_versions')
    .select('version')
    .where('community_id', '=', communityId)
    .executeTakeFirst();
  return row ? Number(row.version) : 0;
}

export async function insertMatches(
  db: Db,
  rows: {
    community_id: number;
    post_kind: 'topic' | 'reply';
    post_id: number;
    list_id: number;
    entry: string;
    action: 'flag' | 'hold';
    matched: string;
    created_at: number;
  }[],
) {
  if (rows.length === 0) return;
  await db.insertInto('watch_word_matches').values(rows).execute();
}

/** The flag and hold matches recorded for one post, oldest first. */
export function matchesOfPost(db: Db, postKind: 'topic' | 'reply', postId: number) {
  return db
    .selectFrom('watch_word_matches')
    .select(['id', 'community_id', 'list_id', 'entry', 'action', 'matched', 'created_at'])
    .where('post_kind', '=', postKind)
    .where('post_id', '=', postId)
    .orderBy('id')
    .execute();
}
