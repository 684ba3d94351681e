import type { ScopeFacts } from './facts.js';
import { median, percentile, ratio } from './stats.js';

/** CHAOSS time to first response over the topics created in the period. */
export function responsiveness(f: ScopeFacts) {
  const t = f.topics;
  const within = (h: number) => t.hours.filter((x) => x <= h).length;
  return {
    topics: t.topics,
    answered: t.hours.length,
    median_hours: median(t.hours),
    p90_hours: percentile(t.hours, 90),
    answered_within_24h: ratio(within(24), t.topics),
    answered_within_48h: ratio(within(48), t.topics),
    questions: t.questions,
    question_answered_rate: ratio(t.questionsAnswered, t.questions),
    question_accepted_rate: ratio(t.questionsAccepted, t.questions),
    unanswered: t.unanswered.map((u) => ({
      topicId: u.id,
      createdAt: u.at,
      kind: u.kind,
      groupId: u.group,
    })),
  };
}
