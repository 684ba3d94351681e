import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { countQueued } from '../../conversations/index.js';
import { now, type Store } from '../../db/index.js';
import { runningTextThread, startTextThread, type TextThread } from '../body-texts.js';
import { startPhase } from '../progress.js';
import { finishRun, loadMap } from '../store.js';
import { checkNames, defaultName, defaultSlug, siteOf } from './community.js';
import { scanDump } from './scan.js';
import { setUpCommunity } from './setup.js';
import type { ImportSummary } from './summary.js';
import { COMMUNITY_USER_ID } from './attrs.js';
import { DELETED_USER_KEY, readUsers } from './users.js';
import { writeTopics } from './write-topics.js';

export interface StackExchangeOptions {
  /** The dump's folder, named after its site: …/french.meta.stackexchange.com/ */
  dir: string;
  slug?: string | undefined;
  name?: string | undefined;
  /** Progress bars on the terminal, one per phase. */
  progress?: boolean;
  batchSize?: number;
  windowSize?: number;
  /**
   * Where post bodies go from HTML to text: by default the process's text thread, once it is
   * ready, if it is running or the dump is large; null converts them all on the import's own
   * thread.
   */
  textThread?: TextThread | null;
  /** Called after each committed batch of topics (tests simulate a crash there). */
  afterBatch?: (written: number) => void | Promise<void>;
}

const FILES = ['Posts.xml', 'Comments.xml', 'Votes.xml', 'Users.xml'];
// From this size of Posts.xml (about 6,000 posts) the import starts a text thread: below it the
// import is over before the thread has started (0.1–0.2 s), and the start slows it down.
const THREAD_FROM_BYTES = 4 << 20;

/** The text thread of an import whose Posts.xml has `postsBytes`: one running, or a new one. */
function textThreadFor(postsBytes: number): TextThread | null {
  return postsBytes >= THREAD_FROM_BYTES ? startTextThread() : runningTextThread();
}

/**
 * Imports a Stack Exchange data dump into a new public community, with the real past dates
 * the analytics read. Re-running it imports only what is missing (after a crash) or nothing.
 */
export async function importStackExchange(
  s: Store,
  o: StackExchangeOptions,
): Promise<ImportSummary> {
  const started = performance.now();
  checkNames(o.slug, o.name);
  const site = siteOf(o.dir);
  const source = `stackexchange:${site}`;
  const sizes = await Promise.all(
    FILES.map((f) =>
      stat(join(o.dir, f)).then(
        (st) => st.size,
        () => Promise.reject(new Error(`${join(o.dir, f)} is missing: is this a dump folder?`)),
      ),
    ),
  );

  const kb = (n: number) => Math.ceil(n / 1024);
  const reading = startPhase(!!o.progress, 'reading', kb(sizes.reduce((a, b) => a + b)), 'kB');
  const windowSize = o.windowSize ?? 20_000;
  const thread = o.textThread === undefined ? textThreadFor(sizes[0] ?? 0) : o.textThread;
  const index = await scanDump(o.dir, windowSize, thread, (n) => reading.update(kb(n)));
  const usersOffset = sizes.slice(0, 3).reduce((a, b) => a + b);
  const withBot = index.authorIds.has(COMMUNITY_USER_ID) || index.voterIds.has(COMMUNITY_USER_ID);
  const users = await readUsers(o.dir, withBot, (n) => reading.update(kb(usersOffset + n)));
  reading.stop();
  const readDone = performance.now();

  const membersBar = startPhase(!!o.progress, 'members', users.length, 'accounts');
  const found = new Set(users.map((u) => u.id));
  const setup = await setUpCommunity(s, {
    source,
    site,
    slug: o.slug ?? defaultSlug(site),
    name: o.name?.trim() ?? defaultName(site),
    users,
    needsDeletedUser:
      index.hasAnonymousContent || [...index.authorIds].some((id) => !found.has(id)),
    // From its first post: accounts (the bot's first) can be years older.
    createdAt: Math.min(index.earliest, now()),
  });
  membersBar.update(users.length);
  membersBar.stop();
  const membersDone = performance.now();

  const done = await loadMap(s.db, source, 'question');
  const pending = [...index.questions.keys()].filter((id) => !done.has(id)).sort((a, b) => a - b);
  const phase = startPhase(!!o.progress, 'topics', index.questions.size, 'questions', done.size);
  // A crash must not leave the terminal with a half-drawn bar and a hidden cursor.
  const written = await writeTopics(
    s,
    pending,
    {
      index,
      communityId: setup.communityId,
      userIds: setup.userIds,
      deletedUserId: setup.userIds.get(DELETED_USER_KEY) ?? null,
    },
    {
      dir: o.dir,
      source,
      runId: setup.runId,
      batchSize: o.batchSize ?? 1_000,
      windowSize,
      thread,
      phase,
      afterBatch: o.afterBatch,
    },
  ).finally(() => phase.stop());

  const end = performance.now();
  const seconds = (from: number, to: number) => (to - from) / 1000;
  const summary: ImportSummary = {
    site,
    communityId: setup.communityId,
    members: {
      imported: setup.created.members,
      alreadyImported: setup.alreadyImported,
      systemAccounts: setup.created.systemAccounts,
    },
    topics: { imported: written.topics, alreadyImported: done.size },
    replies: { answers: written.answers, comments: written.comments },
    acceptedAnswers: written.acceptedAnswers,
    reactions: written.reactions,
    skipped: { posts: index.counts.skippedPosts, comments: index.counts.skippedComments },
    seconds: {
      total: seconds(started, end),
      reading: seconds(started, readDone),
      members: seconds(readDone, membersDone),
      topics: seconds(membersDone, end),
    },
    postsPerSecond: (written.topics + written.answers + written.comments) / seconds(started, end),
    waitingToRender: await countQueued(s.db),
  };
  await finishRun(s.db, setup.runId, now(), JSON.stringify(summary));
  return summary;
}
