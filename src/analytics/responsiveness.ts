import type { CommunityModel, TopicFact } from './model.js';
import { HOUR, median, percentile, ratio } from './stats.js';

/** When each topic first got a reply from someone other than its author (CHAOSS time to first response). */
export function firstResponses(m: CommunityModel): Map<number, { at: number; by: number }> {
  const first = new Map<number, { at: number; by: number }>();
  for (const r of m.replies) {
    const topic = m.topics.get(r.topic);
    if (!topic || r.author === topic.author || r.at < topic.at) continue;
    if (!first.has(r.topic)) first.set(r.topic, { at: r.at, by: r.author });
  }
  return first;
}

export function topicsCreatedIn(m: CommunityModel, from: number, to: number): TopicFact[] {
  return [...m.topics.values()].filter((t) => t.at >= from && t.at < to);
}

export function responsiveness(
  m: CommunityModel,
  from: number,
  to: number,
  first = firstResponses(m),
) {
  const topics = topicsCreatedIn(m, from, to);
  // A response given after the end of the period is not known yet at `to`.
  const responded = (t: TopicFact) => {
    const f = first.get(t.id);
    return f && f.at < to ? f : undefined;
  };
  const hours = topics.flatMap((t) => {
    const f = responded(t);
    return f ? [(f.at - t.at) / HOUR] : [];
  });
  const within = (h: number) => hours.filter((x) => x <= h).length;
  const questions = topics.filter((t) => t.kind === 'question');
  const answeredQuestions = questions.filter((t) => responded(t));
  const acceptedQuestions = questions.filter((t) => m.accepted.has(t.id));
  const unanswered = topics.filter((t) => !responded(t)).sort((a, b) => a.at - b.at);
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
