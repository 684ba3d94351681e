import { viewerById } from '../accounts/index.js';
import { createTopic } from '../conversations/index.js';
import { now, type Store } from '../db/index.js';
import { AppError } from '../http/index.js';
import { isTheirs, requireCalendar } from './service.js';
import * as store from './store.js';

const DAY = 86_400_000;
/** How many due announcements one run of the job publishes; the next run takes the rest. */
const BATCH = 50;

class AlreadyPublished extends Error {}

export type Outcome = 'published' | 'skipped' | 'returned';

/**
 * Publishes one due announcement as a topic of kind "announcement", through the conversations'
 * own creation (search, watchers' notifications, the `topic.created` row), as its author, who
 * must still be one of the community's animators (and of the team it speaks as). The claim on
 * the row is in the topic's transaction: whichever instance loses the race writes nothing.
 */
export async function publishOne(s: Store, id: number, at: number): Promise<Outcome> {
  const unsafe = await store.findAnnouncement(s.db, id);
  if (!unsafe || unsafe.state !== 'scheduled' || (unsafe.scheduled_at ?? Infinity) > at)
    return 'skipped';
  const author = await viewerById(s.db, Number(unsafe.author_id));
  const access = author
    ? await requireCalendar(s, author, { id: Number(unsafe.community_id) }).catch(() => undefined)
    : undefined;
  if (!author || !access || !isTheirs(access, unsafe.group_id)) {
    await store.returnToDrafts(s.db, id, 'not_animator', now());
    return 'returned';
  }
  try {
    await createTopic(
      s,
      author,
      access.community.id,
      {
        kind: 'discussion',
        title: unsafe.title,
        body: unsafe.body,
        groupId: unsafe.group_id,
        asTeam: unsafe.team_id ?? undefined,
      },
      {
        kind: 'announcement',
        within: async (trx, topicId, publishedAt) => {
          const pinnedUntil = unsafe.pin_days > 0 ? publishedAt + unsafe.pin_days * DAY : null;
          const claimed = await store.claimPublished(trx, id, {
            topicId,
            at: publishedAt,
            pinnedUntil,
          });
          if (!claimed) throw new AlreadyPublished();
        },
      },
    );
    return 'published';
  } catch (err) {
    if (err instanceof AlreadyPublished) return 'skipped';
    if (err instanceof AppError) {
      await store.returnToDrafts(s.db, id, err.code, now());
      return 'returned';
    }
    throw err;
  }
}

/** Every scheduled announcement due at `at`, each once whichever instance runs this. */
export async function publishDue(s: Store, at: number) {
  const ids = await store.dueIds(s.db, at, BATCH);
  const outcomes: Outcome[] = [];
  for (const id of ids) outcomes.push(await publishOne(s, id, at));
  return {
    published: outcomes.filter((o) => o === 'published').length,
    returned: outcomes.filter((o) => o === 'returned').length,
  };
}
