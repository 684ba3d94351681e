import type { ScopeFacts } from './facts.js';
import { ratio } from './stats.js';

/** CHAOSS time to first response over the topics created in the period. */
export function responsiveness(f: ScopeFacts) {
  const t = f.topics;
  return {
    topics: t.topics,
    answered: t.delays.answered,
    median_hours: t.delays.medianHours,
    p90_hours: t.delays.p90Hours,
    answered_within_24h: ratio(t.delays.within24, t.topics),
    answered_within_48h: ratio(t.delays.within48, t.topics),
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
