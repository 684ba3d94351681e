import { participationKinds } from '../activity/index.js';
import type { Db } from '../db/index.js';
import type { Scope } from './rollup/scopes.js';
import { DAY } from './stats.js';

/** How long after a welcome a newcomer's return counts. */
export const CAME_BACK_DAYS = 30;

/**
 * Whether the welcomes work (issue 23), read from the log only: the newcomers welcomed in the
 * period, by staff or by members, and how many took part again within 30 days after their
 * welcome. Definitions: docs/indicators.md, "Welcomes".
 */
export interface WelcomeFigures {
  welcomed: number;
  by_staff: number;
  by_members: number;
  came_back_30d: number;
  /** Welcomed less than 30 days before `to`, not back yet: they may still come back. */
  still_within_30d: number;
  /** came_back_30d ÷ (welcomed − still_within_30d): among those whose outcome is known. */
  came_back_rate: number | null;
}

/** A newcomer's first welcome in the period, in its community. */
interface FirstWelcome {
  communityId: number;
  newcomerId: number;
  actorId: number | null;
  at: number;
}

/**
 * The welcome figures of a community (or every community) over [from, to). `staff`: who counts
 * as staff (the scope's animators and moderators — team voices among them — instance admins,
 * system accounts). A group's cockpit has none: a welcome is the community's.
 */
export async function loadWelcomeFigures(
  db: Db,
  scope: Scope,
  period: { from: number; to: number },
  staff: ReadonlySet<number>,
): Promise<WelcomeFigures | null> {
  if (scope.groupId !== 0) return null;
  const firsts = await firstWelcomes(db, scope, period);
  // Like every figure of the cockpit, as known at `to`: a return after it is not counted yet.
  const backs = await returnsAfter(db, firsts, period.to);
  const cameBack = firsts.filter((w) =>
    (backs.get(key(w.communityId, w.newcomerId)) ?? []).some(
      (t) => t > w.at && t <= w.at + CAME_BACK_DAYS * DAY,
    ),
  );
  const byStaff = firsts.filter((w) => w.actorId !== null && staff.has(w.actorId)).length;
  const stillWithin = firsts.filter(
    (w) => w.at + CAME_BACK_DAYS * DAY > period.to && !cameBack.includes(w),
  ).length;
  const known = firsts.length - stillWithin;
  return {
    welcomed: firsts.length,
    by_staff: byStaff,
    by_members: firsts.length - byStaff,
    came_back_30d: cameBack.length,
    still_within_30d: stillWithin,
    came_back_rate: known === 0 ? null : cameBack.length / known,
  };
}

const key = (communityId: number, memberId: number) => `${communityId}:${memberId}`;

/** Each newcomer's earliest `newcomer.welcomed` row of the period (ties: the first logged). */
async function firstWelcomes(
  db: Db,
  scope: Scope,
  period: { from: number; to: number },
): Promise<FirstWelcome[]> {
  let q = db
    .selectFrom('activity_log')
    .select(['id', 'community_id', 'actor_id', 'target_id', 'created_at'])
    .where('kind', '=', 'newcomer.welcomed')
    .where('target_kind', '=', 'user')
    .where('created_at', '>=', period.from)
    .where('created_at', '<', period.to);
  q =
    scope.communityId === 0
      ? q.where('community_id', 'is not', null)
      : q.where('community_id', '=', scope.communityId);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  const firsts = new Map<string, FirstWelcome>();
  for (const r of rows) {
    if (r.community_id === null || r.target_id === null) continue;
    const k = key(Number(r.community_id), Number(r.target_id));
    if (firsts.has(k)) continue;
    firsts.set(k, {
      communityId: Number(r.community_id),
      newcomerId: Number(r.target_id),
      actorId: r.actor_id === null ? null : Number(r.actor_id),
      at: Number(r.created_at),
    });
  }
  return [...firsts.values()];
}

/** When the welcomed newcomers took part in the welcome's community, after the first welcome and before `to`. */
async function returnsAfter(
  db: Db,
  firsts: FirstWelcome[],
  to: number,
): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (firsts.length === 0) return out;
  const ids = [...new Set(firsts.map((w) => w.newcomerId))];
  const communities = [...new Set(firsts.map((w) => w.communityId))];
  const since = Math.min(...firsts.map((w) => w.at));
  const until = Math.min(Math.max(...firsts.map((w) => w.at)) + CAME_BACK_DAYS * DAY, to - 1);
  // A few hundred newcomers at most in a period: a handful of batches on the actor index.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('activity_log')
      .select(['community_id', 'actor_id', 'created_at'])
      .where('actor_id', 'in', ids.slice(i, i + 500))
      .where('community_id', 'in', communities)
      .where('kind', 'in', participationKinds)
      .where('created_at', '>', since)
      .where('created_at', '<=', until)
      .execute();
    for (const r of rows) {
      if (r.community_id === null || r.actor_id === null) continue;
      const k = key(Number(r.community_id), Number(r.actor_id));
      out.set(k, [...(out.get(k) ?? []), Number(r.created_at)]);
    }
  }
  return out;
}
