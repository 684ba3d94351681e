import { recordActivities, type ActivityEntry, type ActivityKind } from '../src/activity/index.js';
import { importUsers, NO_PASSWORD } from '../src/accounts/index.js';
import { importCommunity } from '../src/communities/index.js';
import { redoableTransaction, type Store } from '../src/db/index.js';

/**
 * A community whose log is written by hand, at past dates and odd hours, to exercise every
 * figure of the cockpit: a crowd posting on a rhythm (a core, contributors, a group, staff
 * answers, questions accepted, reactions, self-replies, deleted posts), readers who only visit,
 * anonymous readers, members who leave off, and newcomers who come back close to a UTC day's
 * edge. Times are days (and hours) before `to`, which is a midnight.
 */
export const to = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;
const HOUR = 3_600_000;
const at = (days: number, hours = 0) => to - days * DAY + hours * HOUR;

/**
 * Newcomers of the 90 days before `to` (first posts between days 60 and 50) and when they
 * posted again, chosen where whole UTC days and exact durations disagree. Counted in UTC days
 * (docs/indicators.md), two of the four come back between day 7 and day 30.
 */
const newcomers: [first: number, again: number][] = [
  [at(60, 23), at(53, 1)], // UTC day 7, 6 d 2 h later: came back
  [at(58, 23), at(51, 2)], // the same: came back
  [at(56, 1), at(50, 23)], // UTC day 6: too early
  [at(55, 23), at(24, 1)], // UTC day 31, 30 d 2 h later: too late
];
export const NEWCOMERS_RETENTION_30D = { eligible: 4, retained: 2, rate: 0.5 };
/** Its only newcomer posts again on UTC day 30 after its first post, 29 d 2 h later. */
export const OLD_PERIOD = { from: at(210), to: at(100) };
export const OLD_RETENTION_90D = { eligible: 1, retained: 1, rate: 1 };

interface Ids {
  community: number;
  group: number;
  animator: number;
  crowd: number[];
  readers: number[];
  newcomers: number[];
  oldNewcomer: number;
}

/** Writes the community and its log into `s`; returns its id and its group's. */
export async function buildCommunity(s: Store): Promise<{ communityId: number; groupId: number }> {
  const ids = await redoableTransaction(s, async (trx) => {
    const names = [
      'animator',
      ...Array.from({ length: 8 }, (_, k) => `crowd-${k}`),
      'reader-0',
      'reader-1',
      ...newcomers.map((_, k) => `newcomer-${k}`),
      'old-newcomer',
    ];
    const made = await importUsers(
      s,
      trx,
      names.map((handle) => ({
        email: `${handle}@hand-built.invalid`,
        handle,
        displayName: handle,
        bio: '',
        passwordHash: NO_PASSWORD,
        isAdmin: false,
        createdAt: at(400),
      })),
    );
    const id = (handle: string) => made.get(handle) ?? 0;
    const crowd = Array.from({ length: 8 }, (_, k) => id(`crowd-${k}`));
    const readers = [id('reader-0'), id('reader-1')];
    const late = newcomers.map((_, k) => id(`newcomer-${k}`));
    const joinedAt = (userId: number) => at(300 - (userId % 7) * 30);
    const everyone = [...crowd, ...readers, ...late, id('old-newcomer')];
    const c = await importCommunity(s, trx, {
      slug: 'a-la-main',
      name: 'Écrite à la main',
      purpose: 'Un historique écrit à la main pour les tests.',
      typology: 'internal_community',
      visibility: 'public',
      charter: 'Bienveillance.',
      createdAt: at(400),
      createdBy: null,
      memberships: [
        { userId: id('animator'), role: 'animator', joinedAt: at(400) },
        ...everyone.map((userId) => ({ userId, role: 'member', joinedAt: joinedAt(userId) })),
      ],
      groups: [
        {
          slug: 'velo',
          name: 'Vélo',
          description: 'Le groupe vélo.',
          visibility: 'public',
          createdAt: at(350),
          members: crowd
            .filter((_, k) => k % 2 === 0)
            .map((userId) => ({
              userId,
              role: 'member',
              joinedAt: joinedAt(userId),
            })),
        },
      ],
    });
    return {
      community: c.id,
      group: c.groupIds.get('velo') ?? 0,
      animator: id('animator'),
      crowd,
      readers,
      newcomers: late,
      oldNewcomer: id('old-newcomer'),
    };
  });
  await recordActivities(s, s.db, logOf(ids));
  return { communityId: ids.community, groupId: ids.group };
}

function logOf(ids: Ids): ActivityEntry[] {
  const log: ActivityEntry[] = [];
  let nextId = 1;
  const add = (actor: number | null, kind: ActivityKind, when: number, x: Partial<ActivityEntry>) =>
    log.push({ actorId: actor, communityId: ids.community, kind, at: when, ...x });
  const post = (author: number, when: number, o: { groupId?: number | null; kind?: string }) => {
    const id = nextId++;
    add(author, 'topic.created', when, {
      groupId: o.groupId ?? null,
      targetKind: 'topic',
      targetId: id,
      topicId: id,
      detail: o.kind ?? 'discussion',
    });
    return id;
  };
  const reply = (author: number, when: number, topicId: number, groupId: number | null) => {
    const id = nextId++;
    add(author, 'reply.created', when, { groupId, targetKind: 'reply', targetId: id, topicId });
    return id;
  };

  // The crowd: member k opens a topic every k + 3 days at hour 5k + 3, from day 250; crowd-0,
  // the most active, stops 10 days before `to` (a core member gone quiet), crowd-7 at day 45.
  ids.crowd.forEach((author, k) => {
    const last = k === 0 ? 10 : k === 7 ? 45 : 0;
    for (let d = 250, n = 0; d > last; d -= k + 3, n++) {
      const groupId = k % 2 === 0 && n % 2 === 0 ? ids.group : null;
      const when = at(d, (5 * k + 3) % 24);
      const question = n % 5 === 0;
      const topicId = post(author, when, { groupId, kind: question ? 'question' : 'discussion' });
      if (n % 4 === 1) reply(author, when + HOUR, topicId, groupId);
      if (n % 3 === 0) continue; // left unanswered
      const other = ids.crowd[(k + 1 + (n % 3)) % 8] ?? author;
      const answer = reply(other, when + (7 * k + n + 1) * HOUR, topicId, groupId);
      if (n % 7 === 2) reply(ids.animator, when + 2 * HOUR, topicId, groupId);
      if (question) {
        add(author, 'answer.accepted', when + 50 * HOUR, {
          groupId,
          targetKind: 'reply',
          targetId: answer,
          topicId,
        });
      }
      const fan = ids.crowd[(k + 2 + n) % 8] ?? author;
      add(fan, 'reaction.added', when + 60 * HOUR, {
        groupId,
        targetKind: 'reply',
        targetId: answer,
        topicId,
        inReplyTo: answer,
        detail: n % 2 ? 'merci' : 'like',
      });
      if (n % 11 === 5) {
        add(other, 'reply.deleted', when + 70 * HOUR, {
          groupId,
          targetKind: 'reply',
          targetId: answer,
          topicId,
        });
      }
      if (n % 13 === 6) {
        add(author, 'topic.deleted', when + 80 * HOUR, {
          groupId,
          targetKind: 'topic',
          targetId: topicId,
          topicId,
        });
      }
      ids.readers.forEach((reader, r) => {
        if ((n + r) % 2 === 0)
          add(reader, 'content.viewed', when + (r + 3) * HOUR, {
            groupId,
            targetKind: 'topic',
            targetId: topicId,
            topicId,
          });
      });
    }
  });
  for (let d = 200; d > 0; d -= 3) {
    add(null, 'visit.anonymous', at(d, d % 24), {});
    if (d % 2) add(null, 'visit.anonymous', at(d, 20), { groupId: ids.group });
  }

  // Newcomers close to a day's edge, each first post answered by the crowd.
  newcomers.forEach(([first, again], k) => {
    const author = ids.newcomers[k] ?? 0;
    const topicId = post(author, first, {});
    reply(ids.crowd[k] ?? 0, first + (k * 20 + 3) * HOUR, topicId, null);
    post(author, again, {});
  });
  const old = post(ids.oldNewcomer, at(200, 23), {});
  reply(ids.crowd[3] ?? 0, at(200, 30), old, null);
  post(ids.oldNewcomer, at(170, 1), {});
  return log.sort((a, b) => a.at - b.at);
}
