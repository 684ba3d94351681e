import { recordActivity } from '../activity/index.js';
import {
  buddiesOfNewcomers,
  checkBuddy,
  recordAssignment,
  type BuddyPerson,
} from '../buddies/index.js';
import {
  canManageCommunity,
  requireVisibleCommunity,
  type CommunityAccess,
} from '../communities/index.js';
import { now, type Store } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';
import { defaultLocale, isLocale, locales, type Locale } from '../i18n/index.js';
import { startConversation, type MessageLimits } from '../messages/index.js';
import { teamsOfViewer } from '../teams/index.js';
import * as store from './store.js';
import {
  defaultTemplates,
  fillTemplate,
  MAX_TEMPLATE,
  templateVariables,
  unknownVariables,
} from './templates.js';

const DAY = 86_400_000;
/** Who is a newcomer: joined in these last days. */
export const NEWCOMER_DAYS = 30;
/** The queue's longest list; a community rarely gets more newcomers in a month. */
const QUEUE_LIMIT = 200;

type Person = { id: number; handle: string; displayName: string };

export interface QueueEntry {
  member: Person & { locale: Locale };
  joinedAt: number;
  interests: string;
  firstPost: { kind: 'topic' | 'reply'; id: number; topicId: number; at: number } | undefined;
  answer: { by: Person; at: number } | undefined;
  welcome: { by: Person; at: number } | undefined;
  buddy: BuddyPerson | undefined;
}

/** Only the community's animators and admins; everyone else gets the 404 of a missing page. */
export async function requireWelcomer(
  s: Store,
  viewer: Viewer,
  ref: { slug: string } | { id: number },
): Promise<CommunityAccess> {
  const access = await requireVisibleCommunity(s.db, viewer, ref);
  if (!canManageCommunity(access)) throw new AppError('not_found');
  return access;
}

/** The members who joined in the last 30 days, newest first, with what the animator acts on. */
export async function welcomeQueue(s: Store, access: CommunityAccess): Promise<QueueEntry[]> {
  const communityId = access.community.id;
  const rows = await store.newcomersSince(
    s.db,
    communityId,
    now() - NEWCOMER_DAYS * DAY,
    QUEUE_LIMIT,
  );
  return describe(s, communityId, rows);
}

async function describe(
  s: Store,
  communityId: number,
  rows: Awaited<ReturnType<typeof store.newcomersSince>>,
): Promise<QueueEntry[]> {
  const ids = rows.map((r) => Number(r.id));
  const firsts = await store.firstPostsOf(s.db, communityId, ids);
  const posts = firsts.flatMap((f) =>
    f.actor_id === null || f.target_id === null
      ? []
      : [
          {
            memberId: Number(f.actor_id),
            kind: f.target_kind === 'topic' ? ('topic' as const) : ('reply' as const),
            id: Number(f.target_id),
            topicId: Number(f.topic_id ?? f.target_id),
            at: Number(f.created_at),
          },
        ],
  );
  const [answers, welcomes, buddies] = await Promise.all([
    store.firstResponsesTo(s.db, communityId, posts),
    store.welcomesOf(s.db, communityId, ids),
    buddiesOfNewcomers(s.db, communityId, ids),
  ]);
  const latestWelcome = new Map<number, { actorId: number; at: number }>();
  for (const w of welcomes)
    if (w.actor_id !== null && !latestWelcome.has(Number(w.target_id)))
      latestWelcome.set(Number(w.target_id), {
        actorId: Number(w.actor_id),
        at: Number(w.created_at),
      });
  const people = new Map(
    (
      await store.namesOf(s.db, [
        ...[...answers.values()].map((a) => a.actorId),
        ...[...latestWelcome.values()].map((w) => w.actorId),
      ])
    ).map((p) => [
      Number(p.id),
      { id: Number(p.id), handle: p.handle, displayName: p.display_name },
    ]),
  );
  const byWhom = (fact: { actorId: number; at: number } | undefined) => {
    const by = fact && people.get(fact.actorId);
    return fact && by ? { by, at: fact.at } : undefined;
  };
  const postOf = new Map(posts.map((p) => [p.memberId, p]));
  return rows.map((r) => {
    const id = Number(r.id);
    const locale = localeOf(r.locale);
    const post = postOf.get(id);
    return {
      member: { id, handle: r.handle, displayName: r.display_name, locale },
      joinedAt: Number(r.joined_at),
      interests: r.bio.trim(),
      firstPost: post && { kind: post.kind, id: post.id, topicId: post.topicId, at: post.at },
      answer: byWhom(answers.get(id)),
      welcome: byWhom(latestWelcome.get(id)),
      buddy: buddies.get(id),
    };
  });
}

function localeOf(value: string | null): Locale {
  return isLocale(value) ? value : defaultLocale;
}

/** The community's templates, French and English: the animators' text, or the default. */
export async function templatesOf(s: Store, access: CommunityAccess) {
  const edited = new Map(
    (await store.templatesOf(s.db, access.community.id)).map((t) => [t.locale, t.body]),
  );
  return Object.fromEntries(
    locales.map((l) => [l, edited.get(l) ?? defaultTemplates[l]]),
  ) as Record<Locale, string>;
}

/**
 * An animator saves a template. A variable that does not exist would be sent to members as
 * written ("{prenom}"): refused with the name of the first one, and nothing is saved.
 */
export async function saveTemplate(
  s: Store,
  viewer: Viewer,
  access: CommunityAccess,
  input: { locale: Locale; body: string },
): Promise<void> {
  const body = input.body.trim();
  if (body === '' || body.length > MAX_TEMPLATE)
    throw new AppError('invalid_input', {
      field: `template_${input.locale}`,
      messageKey: 'welcome.error.templateLength',
      params: { max: MAX_TEMPLATE },
    });
  const [unknown] = unknownVariables(body);
  if (unknown !== undefined)
    throw new AppError('invalid_input', {
      field: `template_${input.locale}`,
      messageKey: 'welcome.error.unknownVariable',
      params: {
        variable: `{${unknown}}`,
        known: templateVariables.map((v) => `{${v}}`).join(', '),
      },
    });
  await store.saveTemplate(s.db, {
    community_id: access.community.id,
    locale: input.locale,
    body,
    updated_by: viewer.id,
    updated_at: now(),
  });
}

/** A newcomer of the community, described as in the queue; 404 for anyone else. */
export async function requireNewcomer(
  s: Store,
  access: CommunityAccess,
  userId: number,
): Promise<QueueEntry> {
  const row = await store.findNewcomer(
    s.db,
    access.community.id,
    userId,
    now() - NEWCOMER_DAYS * DAY,
  );
  if (!row) throw new AppError('not_found');
  const [entry] = await describe(s, access.community.id, [row]);
  if (!entry) throw new AppError('not_found');
  return entry;
}

/**
 * Which of these members the welcome form takes (newcomers of the last 30 days), for links from
 * elsewhere (the cockpit): a member who joined earlier would get a missing page.
 */
export async function welcomableAmong(
  s: Store,
  communityId: number,
  userIds: number[],
): Promise<Set<number>> {
  const since = now() - NEWCOMER_DAYS * DAY;
  return new Set(await store.newcomerIdsAmong(s.db, communityId, userIds, since));
}

/** The welcome message for a newcomer: the template of their language, filled in for them. */
export async function draftWelcome(s: Store, access: CommunityAccess, newcomer: QueueEntry) {
  const locale = newcomer.member.locale;
  const template = (await templatesOf(s, access))[locale];
  return fillTemplate(template, locale, {
    name: newcomer.member.displayName,
    community: access.community.name,
    bio: newcomer.interests,
  });
}

/** The teams of this community the viewer may welcome as. */
export async function welcomeVoicesOf(s: Store, viewer: Viewer, access: CommunityAccess) {
  const teams = await teamsOfViewer(s.db, viewer);
  return teams.filter((t) => t.communityId === access.community.id);
}

/**
 * Welcomes a newcomer with a private message, through the messages feature (its rules on who may
 * write to whom, its limits and its sanitising). The `newcomer.welcomed` row is written in the
 * message's own transaction; as a team, the team's account is its actor (decision 010). With a
 * buddy, the assignment (and its `buddy.assigned` row) joins that transaction; a buddy who did
 * not volunteer is refused before anything is written.
 */
export async function welcomeNewcomer(
  s: Store,
  viewer: Viewer,
  access: CommunityAccess,
  userId: number,
  input: { body: string; asTeam?: number | undefined; buddyId?: number | undefined },
  limits: MessageLimits,
) {
  const newcomer = await requireNewcomer(s, access, userId);
  const { buddyId } = input;
  if (buddyId !== undefined) await checkBuddy(s, access, newcomer.member.id, buddyId);
  return startConversation(
    s,
    viewer,
    { recipients: [newcomer.member.handle], body: input.body, asTeam: input.asTeam },
    limits,
    async (trx, started, at) => {
      await recordActivity(trx, {
        actorId: started.authorId,
        communityId: access.community.id,
        kind: 'newcomer.welcomed',
        targetKind: 'user',
        targetId: newcomer.member.id,
        at,
      });
      if (buddyId !== undefined)
        await recordAssignment(trx, {
          communityId: access.community.id,
          newcomerId: newcomer.member.id,
          buddyId,
          assignedBy: viewer.id,
          at,
        });
    },
  );
}
