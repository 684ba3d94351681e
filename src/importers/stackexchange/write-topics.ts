import { importTopic } from '../../conversations/index.js';
import type { Store } from '../../db/index.js';
import type { Phase } from '../progress.js';
import { insertMappings, type MapRow } from '../store.js';
import { readWindow } from './posts.js';
import { buildTopic, type TopicContext } from './topics.js';

export interface WriteOptions {
  dir: string;
  source: string;
  runId: number;
  /** Topics per transaction: a crash loses at most one batch, which the next run redoes. */
  batchSize: number;
  /** Questions whose texts are held in memory at once. */
  windowSize: number;
  phase: Phase;
  afterBatch?: ((written: number) => void | Promise<void>) | undefined;
}

export interface WriteCounts {
  topics: number;
  answers: number;
  comments: number;
  acceptedAnswers: number;
  reactions: number;
}

/** Writes the given questions as topics, window by window, in batches of one transaction each. */
export async function writeTopics(
  s: Store,
  questionIds: number[],
  ctx: TopicContext,
  o: WriteOptions,
): Promise<WriteCounts> {
  const counts: WriteCounts = {
    topics: 0,
    answers: 0,
    comments: 0,
    acceptedAnswers: 0,
    reactions: 0,
  };
  for (let w = 0; w < questionIds.length; w += o.windowSize) {
    const ids = questionIds.slice(w, w + o.windowSize);
    const window = await readWindow(o.dir, ctx.index, new Set(ids));
    for (let b = 0; b < ids.length; b += o.batchSize) {
      const batch = ids.slice(b, b + o.batchSize);
      await s.db.transaction().execute(async (trx) => {
        const mappings: MapRow[] = [];
        for (const id of batch) {
          const q = window.questions.get(id);
          if (!q) continue;
          const built = buildTopic(
            q,
            window.answers.get(id) ?? [],
            window.comments.get(id) ?? [],
            ctx,
          );
          const { topicId, replyIds } = await importTopic(trx, s.dialect, built.topic);
          built.sources.forEach((src, i) => {
            const target = i === 0 ? topicId : replyIds[i - 1];
            if (target === undefined) return;
            mappings.push({
              kind: src.kind,
              source_id: src.id,
              target_id: target,
              run_id: o.runId,
            });
            if (src.kind === 'answer') counts.answers++;
            else if (src.kind === 'comment') counts.comments++;
          });
          counts.topics++;
          if (built.topic.acceptedReplyIndex !== null) counts.acceptedAnswers++;
          counts.reactions += built.topic.reactions.length;
          o.phase.increment(1);
        }
        await insertMappings(trx, o.source, mappings);
      });
      await o.afterBatch?.(counts.topics);
    }
  }
  return counts;
}
