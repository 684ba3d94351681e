import { sql } from 'kysely';
import { chunks, type Db } from '../db/index.js';
import type { BadgeRule } from './badges.js';

/** A member who meets a badge's rule in a community. */
export interface Earner {
  userId: number;
  communityId: number;
}

const DAY = 86_400_000;

/**
 * Who meets `rule` at `now`, across every community: one grouped query over the log (or the
 * memberships). Those who left, and deleted or system accounts, are kept out by `stillMembers`.
 */
export async function earnersOf(db: Db, rule: BadgeRule, now: number): Promise<Earner[]> {
  const rows = await candidates(db, rule, now);
  return stillMembers(
    db,
    rows.map((r) => ({ userId: Number(r.user_id), communityId: Number(r.community_id) })),
  );
}

type Row = { user_id: number | null; community_id: number | null };

function candidates(db: Db, rule: BadgeRule, now: number): Promise<Row[]> {
  switch (rule.type) {
    case 'replies':
      return db
        .selectFrom('activity_log')
        .select(['actor_id as user_id', 'community_id'])
        .where('kind', '=', 'reply.created')
        .where('actor_id', 'is not', null)
        .where('community_id', 'is not', null)
        .groupBy(['actor_id', 'community_id'])
        .having((eb) => eb.fn.countAll(), '>=', rule.atLeast)
        .execute();
    case 'acceptedAnswers':
      // Accepting one's own answer thanks nobody; an answer accepted twice counts once.
      return db
        .selectFrom('activity_log as l')
        .innerJoin('replies as r', 'r.id', 'l.target_id')
        .select(['r.author_id as user_id', 'l.community_id'])
        .where('l.kind', '=', 'answer.accepted')
        .where('l.target_kind', '=', 'reply')
        .where('l.community_id', 'is not', null)
        .whereRef('l.actor_id', '<>', 'r.author_id')
        .groupBy(['r.author_id', 'l.community_id'])
        .having((eb) => eb.fn.count('l.target_id').distinct(), '>=', rule.atLeast)
        .execute();
    case 'welcomes':
      return db
        .selectFrom('activity_log')
        .select(['actor_id as user_id', 'community_id'])
        .where('kind', '=', 'newcomer.welcomed')
        .where('actor_id', 'is not', null)
        .where('community_id', 'is not', null)
        .groupBy(['actor_id', 'community_id'])
        .having((eb) => eb.fn.count('target_id').distinct(), '>=', rule.atLeast)
        .execute();
    case 'buddyKept': {
      // A newcomer "stayed" when they did not leave the community within `days` of getting
      // their buddy; only assignments at least that old are judged.
      const span = rule.days * DAY;
      return db
        .selectFrom('activity_log as b')
        .select(['b.actor_id as user_id', 'b.community_id'])
        .distinct()
        .where('b.kind', '=', 'buddy.assigned')
        .where('b.actor_id', 'is not', null)
        .where('b.community_id', 'is not', null)
        .where('b.created_at', '<=', now - span)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('activity_log as l')
                .select('l.id')
                .where('l.kind', '=', 'community.left')
                .whereRef('l.actor_id', '=', 'b.target_id')
                .whereRef('l.community_id', '=', 'b.community_id')
                .whereRef('l.created_at', '>=', 'b.created_at')
                .where('l.created_at', '<=', sql<number>`b.created_at + ${span}`),
            ),
          ),
        )
        .execute();
    }
    case 'mercisReceived':
      return mercisReceived(db, rule.atLeast);
    case 'membership':
      return db
        .selectFrom('memberships')
        .select(['user_id', 'community_id'])
        .where('status', '=', 'active')
        .where('joined_at', '<=', now - rule.days * DAY)
        .execute();
  }
}

/** One "Merci" per giver and post (taken back and given again, it counts once), never one's own. */
async function mercisReceived(db: Db, atLeast: number): Promise<Row[]> {
  const onReplies = db
    .selectFrom('activity_log as l')
    .innerJoin('replies as p', 'p.id', 'l.target_id')
    .select(['p.author_id as user_id', 'l.community_id', 'l.actor_id', 'l.target_id'])
    .distinct()
    .where('l.target_kind', '=', 'reply');
  const onTopics = db
    .selectFrom('activity_log as l')
    .innerJoin('topics as p', 'p.id', 'l.target_id')
    .select(['p.author_id as user_id', 'l.community_id', 'l.actor_id', 'l.target_id'])
    .distinct()
    .where('l.target_kind', '=', 'topic');
  const given: Row[] = [];
  for (const q of [onReplies, onTopics])
    given.push(
      ...(await q
        .where('l.kind', '=', 'reaction.added')
        .where('l.detail', '=', 'merci')
        .where('l.community_id', 'is not', null)
        .whereRef('l.actor_id', '<>', 'p.author_id')
        .execute()),
    );
  const counts = new Map<string, Row & { n: number }>();
  for (const row of given) {
    const key = `${row.user_id}:${row.community_id}`;
    const c = counts.get(key) ?? { user_id: row.user_id, community_id: row.community_id, n: 0 };
    c.n += 1;
    counts.set(key, c);
  }
  return [...counts.values()].filter((c) => c.n >= atLeast);
}

/** Of these earners, those still active members, with a live account that is not a system one. */
async function stillMembers(db: Db, earners: Earner[]): Promise<Earner[]> {
  const active = new Set<string>();
  for (const part of chunks(earners, 400)) {
    const rows = await db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'm.community_id'])
      .where('m.status', '=', 'active')
      .where('u.deleted_at', 'is', null)
      .where('u.is_system', '=', 0)
      .where('m.user_id', 'in', [...new Set(part.map((e) => e.userId))])
      .where('m.community_id', 'in', [...new Set(part.map((e) => e.communityId))])
      .execute();
    for (const r of rows) active.add(`${r.user_id}:${r.community_id}`);
  }
  return earners.filter((e) => active.has(`${e.userId}:${e.communityId}`));
}
