import {
  canManageCommunity,
  requireVisibleCommunity,
  type CommunityAccess,
} from '../communities/index.js';
import { filterReadable } from '../conversations/index.js';
import { findLiveUsersByHandles } from '../accounts/index.js';
import { now, type Store } from '../db/index.js';
import { AppError, forbidden, type Viewer } from '../http/index.js';
import { DEFAULT_FREQUENCY, frequencies, isTimeZone, type Frequency } from './kinds.js';
import { previewPulse, type PulseConfig } from './send.js';
import { spaceKey } from './activity.js';
import * as store from './store.js';

export interface PulseSettings {
  frequency: Frequency;
  timeZone: string;
  /** True while the member has not chosen a zone: the instance's default applies. */
  isDefaultZone: boolean;
}

export async function getSettings(
  s: Store,
  viewer: Viewer,
  defaultTimeZone: string,
): Promise<PulseSettings> {
  const row = await store.settingsOf(s.db, viewer.id);
  const zone = row?.time_zone ?? null;
  return {
    frequency: row?.frequency ?? DEFAULT_FREQUENCY,
    timeZone: zone !== null && isTimeZone(zone) ? zone : defaultTimeZone,
    isDefaultZone: zone === null,
  };
}

/** Changes how often the member receives the pulse and in which time zone; checks both first. */
export async function setSettings(
  s: Store,
  viewer: Viewer,
  input: { frequency?: string | undefined; timeZone?: string | undefined },
  defaultTimeZone: string,
): Promise<PulseSettings> {
  const frequency = frequencies.find((f) => f === input.frequency);
  if (input.frequency !== undefined && !frequency)
    throw new AppError('invalid_input', {
      field: 'frequency',
      messageKey: 'pulse.error.frequency',
    });
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone))
    throw new AppError('invalid_input', { field: 'timeZone', messageKey: 'pulse.error.timeZone' });
  await s.db.transaction().execute(async (trx) => {
    if (frequency) await store.saveFrequency(trx, viewer.id, frequency, now());
    if (input.timeZone !== undefined) await store.saveTimeZone(trx, viewer.id, input.timeZone);
  });
  return getSettings(s, viewer, defaultTimeZone);
}

// ---- The animators' controls -----------------------------------------------------------------

/** The community whose pulse the viewer animates: 404 when hidden, 403 for a non-animator. */
export async function requireAnimator(
  s: Store,
  viewer: Viewer,
  ref: { id: number } | { slug: string },
) {
  const access = await requireVisibleCommunity(s.db, viewer, ref);
  if (!canManageCommunity(access)) throw forbidden();
  return access;
}

/** A live topic of this community, as the animator may read it; else a form error. */
async function requireTopicIn(s: Store, viewer: Viewer, access: CommunityAccess, topicId: number) {
  const { topicIds } = await filterReadable(s.db, viewer, { topicIds: [topicId] });
  const place = topicIds.has(topicId) ? await store.topicPlaceOf(s.db, topicId) : undefined;
  if (!place || place.community_id !== access.community.id)
    throw new AppError('not_found', { field: 'topicId', messageKey: 'pulse.error.topic' });
  return place;
}

export async function pin(s: Store, viewer: Viewer, access: CommunityAccess, topicId: number) {
  const place = await requireTopicIn(s, viewer, access, topicId);
  await s.db.transaction().execute(async (trx) => {
    await store.includeTopic(trx, topicId);
    await store.pinTopic(trx, {
      scope: spaceKey(place.community_id, place.group_id),
      community_id: place.community_id,
      group_id: place.group_id,
      topic_id: topicId,
      pinned_by: viewer.id,
      pinned_at: now(),
    });
  });
}

export async function unpin(s: Store, viewer: Viewer, access: CommunityAccess, topicId: number) {
  const place = await requireTopicIn(s, viewer, access, topicId);
  await store.unpinTopic(s.db, place.community_id, topicId);
}

export async function exclude(s: Store, viewer: Viewer, access: CommunityAccess, topicId: number) {
  await requireTopicIn(s, viewer, access, topicId);
  await store.excludeTopic(s.db, {
    topic_id: topicId,
    community_id: access.community.id,
    excluded_by: viewer.id,
    excluded_at: now(),
  });
}

export async function include(s: Store, viewer: Viewer, access: CommunityAccess, topicId: number) {
  await requireTopicIn(s, viewer, access, topicId);
  await store.includeTopic(s.db, topicId);
}

/** The pins and exclusions of a community, with their topics' titles. */
export async function listPicks(s: Store, access: CommunityAccess) {
  return store.picksWithTitles(s.db, access.community.id);
}

/**
 * A member's next pulse, for an animator of a community the member belongs to: built for that
 * member, so it holds what they may read and nothing more (not what the animator may read).
 */
export async function previewFor(
  s: Store,
  access: CommunityAccess,
  handle: string,
  config: PulseConfig,
) {
  const [user] = await findLiveUsersByHandles(s.db, [handle.replace(/^@/, '')]);
  const isMember = user ? await store.isActiveMember(s.db, access.community.id, user.id) : false;
  if (!user || !isMember)
    throw new AppError('not_found', { field: 'handle', messageKey: 'pulse.error.member' });
  return { user, pulse: await previewPulse(s, config, user.id) };
}
