import {
  canManageCommunity,
  canReadCommunityContent,
  getCommunity,
  groupPath,
  requireVisibleCommunity,
  type CommunityAccess,
} from '../communities/index.js';
import { postFacts, topicTitles } from '../conversations/index.js';
import { now, type Store } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';
import { locales, type Locale } from '../i18n/index.js';
import * as store from './store.js';
import {
  charterLines,
  defaultTexts,
  MAX_TEXT,
  sharedWords,
  wordsOf,
  type FirstStepsTexts,
} from './texts.js';

/** How many groups the page proposes. */
const SUGGESTED = 3;

/** What the animators edit: each language's texts (as shown), and where to introduce oneself. */
export interface FirstStepsSettings {
  texts: Record<Locale, FirstStepsTexts>;
  /** Which texts are the animators' own (false: the default). */
  edited: Record<Locale, { welcome: boolean; ask: boolean }>;
  introduceTopicId: number | null;
  introduceGroupId: number | null;
}

export interface SuggestedGroup {
  id: number;
  slug: string;
  name: string;
  description: string;
  href: string;
  /** Why it is proposed: it shares words with the member's bio, or it is among the liveliest. */
  reason: 'interests' | 'active';
}

export interface FirstSteps {
  community: { id: number; slug: string; name: string };
  charter: { version: number; lines: string[]; isLonger: boolean } | null;
  welcome: string;
  ask: string;
  introduce: { topic: { title: string; href: string } | null; group: GroupLink | null };
  groups: SuggestedGroup[];
  canEdit: boolean;
}

type GroupLink = { name: string; href: string };

/** Anyone who may read the community's content; 404 otherwise, as for a missing page. */
export async function requireReader(
  s: Store,
  viewer: Viewer | null,
  ref: { slug: string } | { id: number },
): Promise<CommunityAccess> {
  const access = await requireVisibleCommunity(s.db, viewer, ref);
  if (!canReadCommunityContent(access)) throw new AppError('not_found');
  return access;
}

/** Only the community's animators and admins edit the page; everyone else gets a 404. */
export async function requireEditor(
  s: Store,
  viewer: Viewer,
  ref: { slug: string } | { id: number },
): Promise<CommunityAccess> {
  const access = await requireVisibleCommunity(s.db, viewer, ref);
  if (!canManageCommunity(access)) throw new AppError('not_found');
  return access;
}

/** The page's texts in both languages (the animators' or the defaults) and its place. */
export async function settingsOf(s: Store, access: CommunityAccess): Promise<FirstStepsSettings> {
  const id = access.community.id;
  const [rows, place] = await Promise.all([store.textsOf(s.db, id), store.placeOf(s.db, id)]);
  const byLocale = new Map(rows.map((r) => [r.locale, r]));
  const texts = {} as Record<Locale, FirstStepsTexts>;
  const edited = {} as Record<Locale, { welcome: boolean; ask: boolean }>;
  for (const l of locales) {
    const row = byLocale.get(l);
    texts[l] = {
      welcome: row?.welcome ?? defaultTexts[l].welcome,
      ask: row?.ask ?? defaultTexts[l].ask,
    };
    edited[l] = { welcome: (row?.welcome ?? null) !== null, ask: (row?.ask ?? null) !== null };
  }
  return {
    texts,
    edited,
    introduceTopicId: idOrNull(place?.introduce_topic_id),
    introduceGroupId: idOrNull(place?.introduce_group_id),
  };
}

function idOrNull(id: number | null | undefined): number | null {
  return id === null || id === undefined ? null : Number(id);
}

/** The first-steps page of a community, for this viewer, in their language. */
export async function firstStepsFor(
  s: Store,
  viewer: Viewer | null,
  access: CommunityAccess,
  locale: Locale,
): Promise<FirstSteps> {
  const community = access.community;
  const [settings, view] = await Promise.all([
    settingsOf(s, access),
    getCommunity(s, viewer, { id: community.id }),
  ]);
  const groupOf = new Map(view.groups.map((g) => [Number(g.id), g]));
  const introGroup =
    settings.introduceGroupId === null ? undefined : groupOf.get(settings.introduceGroupId);
  const introTopic =
    settings.introduceTopicId === null
      ? undefined
      : (await topicTitles(s.db, viewer, [settings.introduceTopicId])).get(
          settings.introduceTopicId,
        );
  const body = access.charter?.body ?? '';
  const { lines, isLonger } = charterLines(body);
  return {
    community: { id: community.id, slug: community.slug, name: community.name },
    charter: access.charter
      ? {
          version: access.charterVersion,
          lines,
          isLonger,
        }
      : null,
    welcome: settings.texts[locale].welcome,
    ask: settings.texts[locale].ask,
    introduce: {
      topic: introTopic ? { title: introTopic.title, href: introTopic.href } : null,
      group: introGroup
        ? { name: introGroup.name, href: groupPath(community.slug, introGroup.slug) }
        : null,
    },
    groups: await suggestGroups(s, viewer, community, view.groups),
    canEdit: canManageCommunity(access),
  };
}

type VisibleGroup = Awaited<ReturnType<typeof getCommunity>>['groups'][number];

/**
 * Two or three groups for the member: those whose name or description shares words with their
 * bio, most shared first; then, to fill the list, the open groups with the most posts these
 * last 30 days. Only public groups are proposed.
 */
async function suggestGroups(
  s: Store,
  viewer: Viewer | null,
  community: { id: number; slug: string },
  groups: VisibleGroup[],
): Promise<SuggestedGroup[]> {
  // Places a newcomer reads at once: a private group (its members read it) waits for approval.
  const open = groups.filter((g) => g.visibility === 'public');
  const activity = await store.groupActivity(
    s.db,
    community.id,
    open.map((g) => Number(g.id)),
    now(),
  );
  const lively = (g: VisibleGroup) => activity.get(Number(g.id)) ?? 0;
  const interests = viewer ? wordsOf(await store.bioOf(s.db, viewer.id)) : new Set<string>();
  const scored = open
    .map((g) => ({ g, score: sharedWords(interests, wordsOf(`${g.name} ${g.description}`)) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || lively(b.g) - lively(a.g))
    .slice(0, SUGGESTED);
  const chosen = new Set(scored.map((x) => Number(x.g.id)));
  const fill = open
    .filter((g) => !chosen.has(Number(g.id)))
    .sort((a, b) => lively(b) - lively(a) || a.name.localeCompare(b.name))
    .slice(0, SUGGESTED - scored.length);
  const present = (g: VisibleGroup, reason: SuggestedGroup['reason']): SuggestedGroup => ({
    id: Number(g.id),
    slug: g.slug,
    name: g.name,
    description: g.description,
    href: groupPath(community.slug, g.slug),
    reason,
  });
  return [
    ...scored.map((x) => present(x.g, 'interests')),
    ...fill.map((g) => present(g, 'active')),
  ];
}

export interface FirstStepsInput {
  welcomeFr?: string | null | undefined;
  welcomeEn?: string | null | undefined;
  askFr?: string | null | undefined;
  askEn?: string | null | undefined;
  introduceTopicId?: number | null | undefined;
  introduceGroupId?: number | null | undefined;
}

const textFields = [
  ['welcomeFr', 'fr', 'welcome'],
  ['welcomeEn', 'en', 'welcome'],
  ['askFr', 'fr', 'ask'],
  ['askEn', 'en', 'ask'],
] as const;

/**
 * An animator saves the page. An empty or missing text goes back to the default; a text too
 * long, a topic that is not one of the community's, or a group that is not its own is refused,
 * with the field named, and nothing is saved.
 */
export async function saveFirstSteps(
  s: Store,
  viewer: Viewer,
  access: CommunityAccess,
  input: FirstStepsInput,
): Promise<void> {
  const communityId = access.community.id;
  const texts: Record<Locale, { welcome: string | null; ask: string | null }> = {
    fr: { welcome: null, ask: null },
    en: { welcome: null, ask: null },
  };
  for (const [field, locale, part] of textFields) {
    const value = (input[field] ?? '').trim();
    if (value.length > MAX_TEXT)
      throw new AppError('invalid_input', {
        field,
        messageKey: 'firstSteps.error.textLength',
        params: { max: MAX_TEXT },
      });
    texts[locale][part] = value === '' ? null : value;
  }
  const topicId = input.introduceTopicId ?? null;
  if (topicId !== null) {
    const topic = (await postFacts(s.db, { topicIds: [topicId], replyIds: [] })).topics.get(
      topicId,
    );
    if (!topic || topic.isDeleted || topic.communityId !== communityId)
      throw new AppError('invalid_input', {
        field: 'introduceTopicId',
        messageKey: 'firstSteps.error.topic',
      });
  }
  const groupId = input.introduceGroupId ?? null;
  if (groupId !== null) {
    const view = await getCommunity(s, viewer, { id: communityId });
    if (!view.groups.some((g) => Number(g.id) === groupId))
      throw new AppError('invalid_input', {
        field: 'introduceGroupId',
        messageKey: 'firstSteps.error.group',
      });
  }
  await store.savePage(
    s.db,
    communityId,
    locales.map((locale) => ({ locale, ...texts[locale] })),
    { introduce_topic_id: topicId, introduce_group_id: groupId },
    viewer.id,
    now(),
  );
}
