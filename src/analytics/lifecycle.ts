import { activeBetween, activeEvents } from './activity.js';
import type { CommunityModel } from './model.js';
import { DAY, ratio } from './stats.js';

export const stages = ['inception', 'establishment', 'maturity', 'mitosis', 'decline'] as const;
export type Stage = (typeof stages)[number];

/** Millington's stages as seed 004 reads them, from the last 30 days before `to`. */
export function lifecycle(
  m: CommunityModel,
  to: number,
  opts: { createdAt: number | null; groupId?: number; splitThreshold?: number } = {
    createdAt: null,
  },
) {
  const from = to - 30 * DAY;
  const inScope = <T extends { group: number | null }>(e: T) =>
    opts.groupId === undefined || e.group === opts.groupId;
  const recent = m.contributions.filter((c) => c.at >= from && c.at < to && inScope(c));
  const byMembers = recent.filter((c) => !m.staff.has(c.actor)).length;
  const memberShare = ratio(byMembers, recent.length);
  const events = activeEvents(m).filter(inScope);
  const activeNow = activeBetween(events, from, to).size;
  const activeBefore = activeBetween(events, from - 30 * DAY, from).size;
  const isDeclining = activeBefore > 0 && activeNow <= activeBefore * 0.7;
  const groupActive = new Map<number, Set<number>>();
  for (const e of events) {
    if (e.group === null || e.at < from || e.at >= to) continue;
    const s = groupActive.get(e.group) ?? new Set<number>();
    s.add(e.actor);
    groupActive.set(e.group, s);
  }
  const bigGroups = [...groupActive]
    .filter(([, s]) => s.size > (opts.splitThreshold ?? 25))
    .map(([g]) => g);
  const inGroups = recent.filter((c) => c.group !== null).length;
  let stage: Stage;
  if (isDeclining) stage = 'decline';
  else if (memberShare === null || memberShare < 0.5) stage = 'inception';
  else if (memberShare <= 0.9) stage = 'establishment';
  else if (opts.groupId === undefined && (inGroups * 2 > recent.length || bigGroups.length > 0))
    stage = 'mitosis';
  else if (opts.groupId !== undefined && bigGroups.includes(opts.groupId)) stage = 'mitosis';
  else stage = 'maturity';
  const ageMonths = opts.createdAt === null ? null : (to - opts.createdAt) / (30.44 * DAY);
  return {
    stage,
    member_share: memberShare,
    contributions_30d: recent.length,
    active_members_30d: activeNow,
    active_members_previous_30d: activeBefore,
    groups_over_threshold: bigGroups,
    warning:
      stage === 'inception' && ageMonths !== null && ageMonths > 9 ? 'inception_too_long' : null,
  };
}
