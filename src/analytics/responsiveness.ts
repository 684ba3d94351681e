import type { ScopeFacts, TopicFact } from './facts.js';
import { HOUR, median, percentile, ratio } from './stats.js';

/** The first response a topic had before `to` (a response given later is not known yet). */
export function respondedBy(t: TopicFact, to: number) {
  return t.firstReply && t.firstReply.at < to ? t.firstReply : undefined;
}

/** CHAOSS time to first response over the topics created in the period. */
export function responsiveness(f: ScopeFacts) {
  const topics = f.topics;
  const hours = topics.flatMap((t) => {
    const r = respondedBy(t, f.to);
    return r ? [(r.at - t.at) / HOUR] : [];
  });
  const within = (h: number) => hours.filter((x) => x <= h).length;
  const questions = topics.filter((t) => t.kind === 'question');
  const answeredQuestions = questions.filter((t) => respondedBy(t, f.to));
  const acceptedQuestions = questions.filter((t) => t.accepted);
  const unanswered = topics.filter((t) => !respondedBy(t, f.to));
  return {
    topics: topics.length,
    answered: hours.length,
    median_hours: median(hours),
    p90_hours: percentile(hours, 90),
    answered_within_24h: ratio(within(24), topics.length),
    answered_within_48h: ratio(within(48), topics.length),
    questions: questions.length,
    question_answered_rate: ratio(answeredQuestions.length, questions.length),
    question_accepted_rate: ratio(acceptedQuestions.length, questions.length),
    unanswered: unanswered.map((t) => ({
      topicId: t.id,
      createdAt: t.at,
      kind: t.kind,
      groupId: t.group,
    })),
  };
}
