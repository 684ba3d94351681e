import type { ScopeFacts } from './facts.js';
import type { FirstPost, Response } from './first-posts.js';
import { dayOf } from './rollup/scopes.js';
import { HOUR, median, ratio } from './stats.js';

/** Seed 004's "Senior Planet" lesson, measured: are newcomers answered, and do they stay? */
export function newcomers(f: ScopeFacts, core: Set<number>) {
  const { to } = f;
  const toDay = dayOf(to);
  const cohort = f.firstPosts.filter((p) => !f.staff.has(p.member));
  const welcome = (p: FirstPost): Response | undefined =>
    p.response && p.response.at < to ? p.response : undefined;
  const answered48 = new Set(
    cohort.filter((p) => {
      const r = welcome(p);
      return r !== undefined && r.at - p.at <= 48 * HOUR;
    }),
  );
  // A window counts once its last day is over: day `end` after the day of the first post.
  const retention = (end: number, kept: (p: FirstPost) => boolean) => {
    const eligible = cohort.filter((p) => dayOf(p.at) + end < toDay);
    const retained = eligible.filter(kept).length;
    return { eligible: eligible.length, retained, rate: ratio(retained, eligible.length) };
  };
  const newcomerHours = cohort.flatMap((p) => {
    const r = p.kind === 'topic' ? welcome(p) : undefined;
    return r ? [(r.at - p.at) / HOUR] : [];
  });
  const newcomerMedian = median(newcomerHours);
  const veteranMedian = f.topics.delays.veteranMedianHours;
  const welcomes = cohort.flatMap((p) => welcome(p) ?? []);
  const byCore = welcomes.filter((r) => core.has(r.by));
  const gap = newcomerMedian !== null && veteranMedian ? newcomerMedian / veteranMedian : null;
  return {
    count: cohort.length,
    first_post_answered_48h: ratio(answered48.size, cohort.length),
    retention_30d: retention(30, (p) => p.kept30),
    retention_90d: retention(90, (p) => p.kept90),
    welcome_gap: gap,
    welcome_gap_warning: gap !== null && gap > 1.5,
    core_share_of_welcomes: ratio(byCore.length, welcomes.length),
    unanswered_48h: cohort
      .filter((p) => !answered48.has(p) && p.at + 48 * HOUR <= to)
      .sort((a, b) => a.at - b.at)
      .map(postOf),
    // Who they are, the latest first: their first post, and the response it got before `to`.
    members: [...cohort]
      .sort((a, b) => b.at - a.at || a.member - b.member)
      .map((p) => {
        const r = welcome(p);
        return { ...postOf(p), answeredAt: r?.at ?? null, answeredBy: r?.by ?? null };
      }),
  };
}

function postOf(p: FirstPost) {
  return {
    memberId: p.member,
    at: p.at,
    topicId: p.kind === 'topic' ? p.id : null,
    replyId: p.kind === 'reply' ? p.id : null,
    groupId: p.group,
  };
}
