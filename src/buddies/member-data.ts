import type { Db } from '../db/index.js';

const iso = (at: number) => new Date(at).toISOString();

/**
 * The member's buddy ties, for their export: the communities where they volunteer, the newcomers
 * they accompany and who accompanies them. Only in communities they may read today.
 */
export async function buddiesForExport(db: Db, userId: number, readable: number[]) {
  const communities = new Set(readable);
  const [volunteering, ties] = await Promise.all([
    db
      .selectFrom('buddy_volunteers as v')
      .innerJoin('communities as c', 'c.id', 'v.community_id')
      .select(['c.id', 'c.slug', 'c.name', 'v.since'])
      .where('v.user_id', '=', userId)
      .orderBy('v.since')
      .execute(),
    db
      .selectFrom('buddy_assignments as a')
      .innerJoin('communities as c', 'c.id', 'a.community_id')
      .innerJoin('users as n', 'n.id', 'a.newcomer_id')
      .innerJoin('users as b', 'b.id', 'a.buddy_id')
      .select([
        'c.id',
        'c.slug',
        'a.newcomer_id',
        'a.buddy_id',
        'a.assigned_at',
        'n.handle as newcomer_handle',
        'b.handle as buddy_handle',
      ])
      .where((eb) => eb.or([eb('a.newcomer_id', '=', userId), eb('a.buddy_id', '=', userId)]))
      .orderBy('a.assigned_at')
      .execute(),
  ]);
  const tie = (t: (typeof ties)[number], handle: string) => ({
    community: { id: Number(t.id), slug: t.slug },
    member: handle,
    since: iso(Number(t.assigned_at)),
  });
  const mine = ties.filter((t) => communities.has(Number(t.id)));
  return {
    volunteerIn: volunteering
      .filter((v) => communities.has(Number(v.id)))
      .map((v) => ({
        community: { id: Number(v.id), slug: v.slug, name: v.name },
        since: iso(Number(v.since)),
      })),
    accompanying: mine
      .filter((t) => Number(t.buddy_id) === userId)
      .map((t) => tie(t, t.newcomer_handle)),
    accompaniedBy: mine
      .filter((t) => Number(t.newcomer_id) === userId)
      .map((t) => tie(t, t.buddy_handle)),
  };
}

/**
 * A deleted account volunteers no more and accompanies nobody: its newcomers appear without a
 * buddy (the log keeps the past assignment, under the tombstone, for the figures).
 */
export async function forgetBuddyTies(trx: Db, userId: number): Promise<void> {
  await trx.deleteFrom('buddy_volunteers').where('user_id', '=', userId).execute();
  await trx.deleteFrom('buddy_assignments').where('buddy_id', '=', userId).execute();
}
