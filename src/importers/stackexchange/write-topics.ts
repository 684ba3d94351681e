import { importTopics, type ImportedIds } from '../../conversations/index.js';
import { redoableTransaction, type Store } from '../../db/index.js';
import type { TextThread } from '../body-texts.js';
import type { Phase } from '../progress.js';
import { insertMappings, type MapRow } from '../store.js';
import { clearWindow, readWindow } from './posts.js';
import { buildTopic, type BuiltTopic, type TopicContext } from './topics.js';

export interface WriteOptions {
  dir: string;
  source: string;
  runId: number;
  /** Topics per transaction: a crash loses at most one batch, which the next run redoes. */
  batchSize: number;
  /** Questions whose texts are held in memory at once. */
  windowSize: number;
  /** Converts the bodies of later windows (null: here). */
  thread: TextThread | null;
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
    // The first pass kept the first window's texts: a dump of one window is read only once.
    // Only the first window of questions can be that one (they are in the file's order).
    const kept = ctx.index.firstWindow;
    const useKept = w === 0 && ids.every((id) => kept.questions.has(id));
    if (!useKept) clearWindow(kept);
    const window = useKept ? kept : await readWindow(o.dir, ctx.index, new Set(ids), o.thread);
    await window.texts.done();
    for (let b = 0; b < ids.length; b += o.batchSize) {
      const batch = ids.slice(b, b + o.batchSize);
      const built = batch.flatMap((id) => {
        const q = window.questions.get(id);
        if (!q) return [];
        return [buildTopic(q, window.answers.get(id) ?? [], window.comments.get(id) ?? [], ctx)];
      });
      await redoableTransaction(s, async (trx) => {
        const written = await importTopics(
          s,
          trx,
          built.map((t) => t.topic),
        );
        await insertMappings(s, trx, o.source, mappingsOf(built, written, o.runId));
      });
      for (const t of built) count(counts, t);
      o.phase.increment(built.length);
      await o.afterBatch?.(counts.topics);
    }
    clearWindow(kept);
  }
  return counts;
}

/** Which row each source post became, for import_map. */
function mappingsOf(built: BuiltTopic[], written: ImportedIds[], runId: number): MapRow[] {
  return built.flatMap((t, n) => {
    const ids = written[n];
    if (!ids) throw new Error(`No ids for the topic "${t.topic.title}"`);
    return t.sources.map((src, i) => {
      const target = i === 0 ? ids.topicId : ids.replyIds[i - 1];
      if (target === undefined) throw new Error(`No id for ${src.kind} ${src.id}`);
      return { kind: src.kind, source_id: src.id, target_id: target, run_id: runId };
    });
  });
}

function count(counts: WriteCounts, t: BuiltTopic): void {
  for (const src of t.sources) {
    if (src.kind === 'answer') counts.answers++;
    else if (src.kind === 'comment') counts.comments++;
  }
  counts.topics++;
  if (t.topic.acceptedReplyIndex !== null) counts.acceptedAnswers++;
  counts.reactions += t.topic.reactions.length;
}
