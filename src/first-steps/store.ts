import type { Db } from '../db/index.js';

const DAY = 86_400_000;

/** The community's edited texts, one row per language; a null text is the default. */
export function textsOf(db: Db, communityId: number) {
  return db
    .selectFrom('first_steps_pages')
    .select(['locale', 'welcome', 'ask'])
    .where('community_id', '=', communityId)
    .execute();
}

/** Where newcomers introduce themselves; undefined: nowhere chosen. */
export function placeOf(db: Db, communityId: number) {
  return db
    .selectFrom('first_steps_places')
    .select(['introduce_topic_id', 'introduce_group_id'])
    .where('community_id', '=', communityId)
    .executeTakeFirst();
}

/** Saves the page: both languages' texts and the place, in one transaction. */
export async function savePage(
  db: Db,
  communityId: number,
  texts: { locale: string; welcome: string | null; ask: string | null }[],
  place: { introduce_topic_id: number | null; introduce_group_id: number | null },
  by: number,
  at: number,
) {
  await db.transaction().execute(async (trx) => {
    for (const t of texts)
      await trx
        .insertInto('first_steps_pages')
        .values({ community_id: communityId, ...t, updated_by: by, updated_at: at })
        .onConflict((oc) =>
          oc
            .columns(['community_id', 'locale'])
            .doUpdateSet({ welcome: t.welcome, ask: t.ask, updated_by: by, updated_at: at }),
        )
        .execute();
    await trx
      .insertInto('first_steps_places')
      .values({ community_id: communityId, ...place, updated_at: at })
      .onConflict((oc) => oc.column('community_id').doUpdateSet({ ...place, updated_at: at }))
      .execute();
  });
}

/** Topics and replies in each of these groups over the last 30 days (from the activity log). */
export async function groupActivity(
  db: Db,
  communityId: number,
  groupIds: number[],
  at: number,
): Promise<Map<number, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('activity_log')
    .select((eb) => ['group_id', eb.fn.countAll<number>().as('n')])
    .where('community_id', '=', communityId)
    .where('group_id', 'in', groupIds)
    .where('kind', 'in', ['topic.created', 'reply.created'])
    .where('created_at', '>=', at - 30 * DAY)
    .groupBy('group_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.group_id), Number(r.n)]));
}

/** The member's bio: what they wrote about themselves. */
export async function bioOf(db: Db, userId: number): Promise<string> {
  const row = await db
    .selectFrom('users')
    .select('bio')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.bio ?? '';
}
