import type { Circle } from './circles.js';
import type { CommunityModel } from './model.js';
import { firstResponses } from './responsiveness.js';
import { DAY, HOUR, median, ratio } from './stats.js';

/** Seed 004's "Senior Planet" lesson, measured: are newcomers answered, and do they stay? */
export function newcomers(
  m: CommunityModel,
  from: number,
  to: number,
  circles: Map<number, Circle>,
  first = firstResponses(m),
) {
  const firstContribution = new Map<number, (typeof m.contributions)[number]>();
  for (const c of m.contributions) {
    if (c.topicId === null && c.replyId === null) continue;
    if (!firstContribution.has(c.actor)) firstContribution.set(c.actor, c);
  }
  const cohort = [...firstContribution.values()].filter(
    (c) => c.at >= from && c.at < to && !m.staff.has(c.actor),
  );
  const responseTo = (c: (typeof cohort)[number]) => responseToFirstPost(m, c, first);
  const answered48 = cohort.filter((c) => {
    const r = responseTo(c);
    return r !== undefined && r.at - c.at <= 48 * HOUR && r.at < to;
  });
  const retention = (startDay: number, endDay: number) => {
    const eligible = cohort.filter((c) => c.at + endDay * DAY <= to);
    const kept = eligible.filter((c) =>
      m.contributions.some(
        (x) => x.actor === c.actor && x.at >= c.at + startDay * DAY && x.at <= c.at + endDay * DAY,
      ),
    );
    return {
      eligible: eligible.length,
      retained: kept.length,
      rate: ratio(kept.length, eligible.length),
    };
  };
  const newcomerIds = new Set(cohort.map((c) => c.actor));
  const ttfr = (isNewcomerTopic: boolean) =>
    [...m.topics.values()]
      .filter((t) => t.at >= from && t.at < to && !m.staff.has(t.author))
      .filter((t) =>
        isNewcomerTopic ? cohort.some((c) => c.topicId === t.id) : !newcomerIds.has(t.author),
      )
      .flatMap((t) => {
        const f = first.get(t.id);
        return f && f.at < to ? [(f.at - t.at) / HOUR] : [];
      });
  const newcomerMedian = median(ttfr(true));
  const veteranMedian = median(ttfr(false));
  const welcomes = cohort.map(responseTo).filter((r) => r !== undefined && r.at < to);
  const byCore = welcomes.filter((r) => r && circles.get(r.by) === 'core');
  const gap = newcomerMedian !== null && veteranMedian ? newcomerMedian / veteranMedian : null;
  return {
    count: cohort.length,
    first_post_answered_48h: ratio(answered48.length, cohort.length),
    retention_30d: retention(7, 30),
    retention_90d: retention(30, 90),
    welcome_gap: gap,
    welcome_gap_warning: gap !== null && gap > 1.5,
    core_share_of_welcomes: ratio(byCore.length, welcomes.length),
    unanswered_48h: cohort
      .filter((c) => !answered48.includes(c) && c.at + 48 * HOUR <= to)
      .map((c) => ({ memberId: c.actor, at: c.at, topicId: c.topicId, replyId: c.replyId })),
  };
}

/** The first response to a newcomer's first post: a reply to their topic, or a reply or reaction aimed at their reply. */
function responseToFirstPost(
  m: CommunityModel,
  c: CommunityModel['contributions'][number],
  first: ReturnType<typeof firstResponses>,
) {
  if (c.topicId !== null) return first.get(c.topicId);
  let best: { at: number; by: number } | undefined;
  const consider = (at: number, by: number) => {
    if (by !== c.actor && at >= c.at && (!best || at < best.at)) best = { at, by };
  };
  for (const r of m.replies) if (r.inReplyTo === c.replyId) consider(r.at, r.author);
  for (const r of m.reactions) if (r.inReplyTo === c.replyId) consider(r.at, r.actor);
  return best;
}
