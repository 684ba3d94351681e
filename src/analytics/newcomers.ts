import type { Circle } from './circles.js';
import type { CommunityModel } from './model.js';
import { firstResponses } from './responsiveness.js';
import { DAY, HOUR, median, ratio } from './stats.js';

type Contribution = CommunityModel['contributions'][number];
type Response = { at: number; by: number };

/** Seed 004's "Senior Planet" lesson, measured: are newcomers answered, and do they stay? */
export function newcomers(
  m: CommunityModel,
  from: number,
  to: number,
  circles: Map<number, Circle>,
  first = firstResponses(m),
) {
  const firstContribution = new Map<number, Contribution>();
  const timesOf = new Map<number, number[]>();
  for (const c of m.contributions) {
    const times = timesOf.get(c.actor) ?? [];
    times.push(c.at);
    timesOf.set(c.actor, times);
    if (c.topicId === null && c.replyId === null) continue;
    if (!firstContribution.has(c.actor)) firstContribution.set(c.actor, c);
  }
  const cohort = [...firstContribution.values()].filter(
    (c) => c.at >= from && c.at < to && !m.staff.has(c.actor),
  );
  const aimedAtReply = responsesAimedAtReplies(m);
  const responseOf = new Map(
    cohort.map((c) => [c, responseToFirstPost(c, first, aimedAtReply)] as const),
  );
  const answered48 = new Set(
    cohort.filter((c) => {
      const r = responseOf.get(c);
      return r !== undefined && r.at - c.at <= 48 * HOUR && r.at < to;
    }),
  );
  const retention = (startDay: number, endDay: number) => {
    const eligible = cohort.filter((c) => c.at + endDay * DAY <= to);
    const kept = eligible.filter((c) =>
      (timesOf.get(c.actor) ?? []).some(
        (at) => at >= c.at + startDay * DAY && at <= c.at + endDay * DAY,
      ),
    );
    return {
      eligible: eligible.length,
      retained: kept.length,
      rate: ratio(kept.length, eligible.length),
    };
  };
  const newcomerIds = new Set(cohort.map((c) => c.actor));
  const newcomerTopics = new Set(cohort.map((c) => c.topicId).filter((id) => id !== null));
  const ttfr = (isNewcomerTopic: boolean) =>
    [...m.topics.values()]
      .filter((t) => t.at >= from && t.at < to && !m.staff.has(t.author))
      .filter((t) => (isNewcomerTopic ? newcomerTopics.has(t.id) : !newcomerIds.has(t.author)))
      .flatMap((t) => {
        const f = first.get(t.id);
        return f && f.at < to ? [(f.at - t.at) / HOUR] : [];
      });
  const newcomerMedian = median(ttfr(true));
  const veteranMedian = median(ttfr(false));
  const welcomes = [...responseOf.values()].filter(
    (r): r is Response => r !== undefined && r.at < to,
  );
  const byCore = welcomes.filter((r) => circles.get(r.by) === 'core');
  const gap = newcomerMedian !== null && veteranMedian ? newcomerMedian / veteranMedian : null;
  return {
    count: cohort.length,
    first_post_answered_48h: ratio(answered48.size, cohort.length),
    retention_30d: retention(7, 30),
    retention_90d: retention(30, 90),
    welcome_gap: gap,
    welcome_gap_warning: gap !== null && gap > 1.5,
    core_share_of_welcomes: ratio(byCore.length, welcomes.length),
    unanswered_48h: cohort
      .filter((c) => !answered48.has(c) && c.at + 48 * HOUR <= to)
      .map((c) => ({ memberId: c.actor, at: c.at, topicId: c.topicId, replyId: c.replyId })),
  };
}

/** Replies and reactions aimed at a reply, by that reply: one pass over the model. */
function responsesAimedAtReplies(m: CommunityModel): Map<number, Response[]> {
  const byReply = new Map<number, Response[]>();
  const add = (replyId: number | null, response: Response) => {
    if (replyId === null) return;
    const list = byReply.get(replyId) ?? [];
    list.push(response);
    byReply.set(replyId, list);
  };
  for (const r of m.replies) add(r.inReplyTo, { at: r.at, by: r.author });
  for (const r of m.reactions) add(r.inReplyTo, { at: r.at, by: r.actor });
  return byReply;
}

/** The first response to a newcomer's first post: a reply to their topic, or a reply or reaction aimed at their reply. */
function responseToFirstPost(
  c: Contribution,
  first: Map<number, Response>,
  aimedAtReply: Map<number, Response[]>,
): Response | undefined {
  if (c.topicId !== null) return first.get(c.topicId);
  let best: Response | undefined;
  for (const r of aimedAtReply.get(c.replyId ?? -1) ?? []) {
    if (r.by !== c.actor && r.at >= c.at && (!best || r.at < best.at)) best = r;
  }
  return best;
}
