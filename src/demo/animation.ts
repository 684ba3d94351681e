import { importTopic } from '../conversations/index.js';
import { now, type Store } from '../db/index.js';
import type { Viewer } from '../http/index.js';
import { importConversation } from '../messages/index.js';
import {
  answerSpotlight,
  awardBadges,
  proposeSpotlight,
  requireAnimator,
  type Awarded,
} from '../recognition/index.js';
import {
  addTeamMember,
  createTeam,
  recordTeamPost,
  requireVoice,
  type Voice,
} from '../teams/index.js';
import { seedAnnouncements } from './announcements.js';
import { seedBuddies } from './buddies.js';
import { seedWelcomes } from './welcomes.js';
import type { DemoData, DemoTeam } from './content/index.js';
import type { Speaker } from './content/team-voice.js';

const DAY = 86_400_000;
/** How long the demo's spotlight stays pinned on its community's home. */
const SPOTLIGHT_DAYS = 14;

/** The demo's people and communities once written: handle → user id, slug → community id. */
export interface Seeded {
  users: Map<string, number>;
  communities: Map<string, { id: number }>;
}

/**
 * The animator's levers in the demo, once its year of activity is written: the team voice and
 * what it said, the badges members earned (the hourly job's own awarding), volunteers and the
 * buddies of two newcomers, and a spotlight the member accepted. Each goes through its feature's
 * own functions, as the animator would.
 */
export async function seedAnimation(store: Store, data: DemoData, seeded: Seeded): Promise<void> {
  const viewerOf = (handle: string): Viewer => {
    const member = data.members.find((m) => m.handle === handle);
    const id = seeded.users.get(handle);
    if (!member || id === undefined) throw new Error(`demo: unknown member ${handle}`);
    return { id, handle, displayName: member.displayName, isAdmin: member.isAdmin, locale: null };
  };
  const voices = data.team ? await seedTeamVoice(store, data.team, viewerOf, seeded) : [];
  const [main] = data.communities;
  const community = main && seeded.communities.get(main.slug);
  if (!main || !community) return;
  await seedWelcomes(
    store,
    data,
    { id: community.id, name: main.name },
    (handle) => viewerOf(handle).id,
    voices,
  );
  const awarded = await awardBadges(store, now());
  await seedBuddies(store, data, community.id, viewerOf);
  await seedAnnouncements(store, viewerOf(data.animatorHandle), community.id, voices[0]);
  const staff = new Set(main.memberships.filter((m) => m.role !== 'member').map((m) => m.handle));
  const handle = mostRecognised(awarded, community.id, seeded, staff);
  if (handle === undefined) return;
  const animator = viewerOf(data.animatorHandle);
  const access = await requireAnimator(store, animator, { id: community.id });
  const member = viewerOf(handle);
  const first = member.displayName.split(' ')[0] ?? member.displayName;
  const spotlight = await proposeSpotlight(store, animator, access, {
    handle,
    portrait: `${first} répond aux questions des nouveaux depuis son arrivée au Réseau, toujours avec une adresse, un contact ou une astuce qui débloque la situation. Ses réponses ont aidé des dizaines de bénévoles à se lancer : merci ${first} pour sa patience et sa bonne humeur !`,
    until: new Date(now() + SPOTLIGHT_DAYS * DAY).toISOString().slice(0, 10),
  });
  await answerSpotlight(store, member, spotlight.id, 'accepted');
}

/** The member (not staff) with the most badges in the community; the first written on a tie. */
function mostRecognised(
  awarded: Awarded[],
  communityId: number,
  seeded: Seeded,
  staff: Set<string>,
): string | undefined {
  const counts = new Map<number, number>();
  for (const a of awarded)
    if (a.communityId === communityId) counts.set(a.userId, (counts.get(a.userId) ?? 0) + 1);
  let best: { handle: string; count: number } | undefined;
  for (const [handle, id] of seeded.users) {
    const count = counts.get(id) ?? 0;
    if (!staff.has(handle) && count > (best?.count ?? 0)) best = { handle, count };
  }
  return best?.handle;
}

/**
 * The team is created and joined as its animators would, then its topic, replies and private
 * conversation are written through the demo's import functions with the team's account as
 * author, each with its audit row (who really wrote it, and their signature).
 */
async function seedTeamVoice(
  store: Store,
  team: DemoTeam,
  viewerOf: (handle: string) => Viewer,
  seeded: Seeded,
): Promise<Voice[]> {
  const community = seeded.communities.get(team.communitySlug);
  const [founder] = team.animators;
  if (!community || !founder) return [];
  const lead = viewerOf(founder.handle);
  const teamId = await createTeam(store, lead, community.id, { name: team.name });
  for (const a of team.animators)
    await addTeamMember(store, lead, teamId, {
      handle: a.handle,
      signatureStyle: a.signatureStyle,
    });
  const voices = new Map<string, Voice>();
  for (const a of team.animators)
    voices.set(a.handle, await requireVoice(store.db, viewerOf(a.handle), teamId));
  const voiceOf = (by: Speaker) => ('team' in by ? voices.get(by.team) : undefined);
  const authorOf = (by: Speaker) => {
    const id = 'team' in by ? voices.get(by.team)?.accountId : seeded.users.get(by.handle);
    if (id === undefined) throw new Error('demo: unknown team post author');
    return id;
  };
  const { thread, conversation } = team;
  const member = authorOf({ handle: conversation.member });
  const account = voices.get(founder.handle)?.accountId ?? 0;
  await store.db.transaction().execute(async (trx) => {
    const { topicId, replyIds } = await importTopic(store, trx, {
      communityId: community.id,
      groupId: null,
      authorId: authorOf(thread.by),
      kind: 'discussion',
      title: thread.title,
      body: thread.body,
      createdAt: thread.at,
      replies: thread.replies.map((r) => ({
        authorId: authorOf(r.by),
        body: r.body,
        createdAt: r.at,
        parentIndex: null,
      })),
      acceptedReplyIndex: null,
      acceptedBy: null,
      acceptedAt: null,
      reactions: [],
    });
    const topicVoice = voiceOf(thread.by);
    if (topicVoice) await recordTeamPost(trx, topicVoice, 'topic', topicId, thread.at);
    for (const [i, r] of thread.replies.entries()) {
      const voice = voiceOf(r.by);
      const id = replyIds[i];
      if (voice && id !== undefined) await recordTeamPost(trx, voice, 'reply', id, r.at);
    }
    await importConversation(trx, {
      participantIds: [member, account],
      messages: conversation.messages.map((m) => {
        const voice = voiceOf(m.by);
        return { authorId: authorOf(m.by), body: m.body, at: m.at, ...(voice ? { voice } : {}) };
      }),
      unreadFor: [member],
    });
  });
  return [...voices.values()];
}
