import { recordActivity } from '../activity/index.js';
import {
  canManageCommunity,
  canModerateCommunity,
  requireVisibleCommunity,
  type CommunityAccess,
} from '../communities/index.js';
import { filterReaders } from '../conversations/index.js';
import type { Db, Dialect, Store } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';
import * as store from './crises-store.js';
import type { CrisisRow } from './crises-store.js';
import type { Signal } from './detector.js';
import { CALM_MAX, CALM_MIN, SLOW_MAX, type CrisisSettings } from './settings.js';
import { countSignal } from './store.js';

const MINUTE = 60_000;

/** Moderators, animators and admins of the community; everyone else: the 404 of a missing page. */
export async function requireCrisisStaff(
  s: Store,
  viewer: Viewer,
  ref: { slug: string } | { id: number },
): Promise<CommunityAccess> {
  const access = await requireVisibleCommunity(s.db, viewer, ref);
  if (!canModerateCommunity(access)) throw new AppError('not_found');
  return access;
}

export const mayEditSettings = (access: CommunityAccess) => canManageCommunity(access);

export function crisisSettingsOf(db: Db, communityId: number): Promise<CrisisSettings> {
  return store.settingsOf(db, communityId);
}

/** The fields a form or the API may leave out keep their current value. */
export type SettingsInput = { [K in keyof CrisisSettings]?: CrisisSettings[K] | undefined };

/** An animator changes the prepared set; bad numbers: a translated error, nothing saved. */
export async function saveCrisisSettings(
  s: Store,
  viewer: Viewer,
  access: CommunityAccess,
  input: SettingsInput,
  at: number,
): Promise<CrisisSettings> {
  if (!canManageCommunity(access)) throw new AppError('not_found');
  const current = await store.settingsOf(s.db, access.community.id);
  const next: CrisisSettings = { ...current };
  for (const [k, v] of Object.entries(input))
    if (v !== undefined) (next as unknown as Record<string, unknown>)[k] = v;
  const m = next.slowModeMinutes;
  if (!Number.isInteger(m) || m < 0 || m > SLOW_MAX)
    throw new AppError('invalid_input', {
      field: 'slowModeMinutes',
      messageKey: 'crisis.error.slowModeMinutes',
      params: { max: SLOW_MAX },
    });
  const c = next.calmMinutes;
  if (!Number.isInteger(c) || c < CALM_MIN || c > CALM_MAX)
    throw new AppError('invalid_input', {
      field: 'calmMinutes',
      messageKey: 'crisis.error.calmMinutes',
      params: { min: CALM_MIN, max: CALM_MAX },
    });
  await store.saveSettings(s.db, access.community.id, next, viewer.id, at);
  return next;
}

export interface StartOrExtend {
  communityId: number;
  /** Null: the whole community. */
  topicId: number | null;
  /** Null: the raid detector. */
  by: number | null;
  /** 'manual', or the signal that made the wave. */
  trigger: 'manual' | Signal;
  at: number;
}

export interface StartOrExtendResult {
  crisis: CrisisRow;
  /** True when this call started it (and alerted the staff). */
  started: boolean;
}

/**
 * Starts crisis mode on a scope, in the caller's transaction, and alerts the community's
 * animators and moderators (except the person who started it) through the activity log; or, when
 * a crisis already covers that scope (the same one, or the whole community for a topic), only
 * moves its last trigger, so that its calm period counts from now.
 */
export async function startOrExtendCrisis(
  trx: Db,
  input: StartOrExtend,
): Promise<StartOrExtendResult> {
  const { communityId, topicId, at } = input;
  for (let attempt = 0; ; attempt++) {
    const open = await store.openCrises(trx, communityId, topicId === null ? [0] : [0, topicId]);
    const covering = open.find((c) => c.topic_key === 0) ?? open[0];
    if (covering) {
      // The topic's own crisis and the community's both count from this trigger.
      for (const c of open) await store.moveLastTrigger(trx, c.id, at);
      const crisis = (await store.crisisById(trx, covering.id)) ?? covering;
      return { crisis, started: false };
    }
    const id = await store.insertCrisis(trx, {
      community_id: communityId,
      topic_id: topicId,
      started_at: at,
      started_by: input.by,
      trigger: input.trigger,
    });
    // Another transaction opened the same scope meanwhile: extend theirs.
    if (id === undefined) {
      if (attempt > 2) throw new AppError('conflict');
      continue;
    }
    await alertStaff(trx, { id, communityId, topicId, by: input.by, at });
    const crisis = await store.crisisById(trx, id);
    if (!crisis) throw new Error('the crisis just written is missing');
    return { crisis, started: true };
  }
}

/** One `crisis.started` log row per animator or moderator to tell (who can read the topic). */
async function alertStaff(
  trx: Db,
  c: { id: number; communityId: number; topicId: number | null; by: number | null; at: number },
): Promise<void> {
  let told = (await store.staffOf(trx, c.communityId)).filter((id) => id !== c.by);
  let groupId: number | null = null;
  if (c.topicId !== null) {
    const readers = await filterReaders(trx, told, { topicId: c.topicId });
    told = told.filter((id) => readers.has(id));
    groupId = (await store.topicPlace(trx, c.topicId))?.group_id ?? null;
  }
  for (const userId of told)
    await recordActivity(trx, {
      actorId: c.by,
      communityId: c.communityId,
      groupId,
      kind: 'crisis.started',
      targetKind: 'user',
      targetId: userId,
      topicId: c.topicId,
      detail: String(c.id),
      at: c.at,
    });
}

/** When a crisis ends by itself if nothing more happens: the later of calm and renewal. */
export function calmEndOf(c: CrisisRow, calmMinutes: number): number {
  return Math.max(c.last_trigger_at + calmMinutes * MINUTE, c.renewed_until ?? 0);
}

export interface CrisisInForce {
  crisis: CrisisRow;
  restrictions: CrisisSettings;
}

/**
 * The crisis in force at `at` where a post is written: the whole community's, or the topic's;
 * with the community's restrictions. Undefined when none (or when its calm period is over and the
 * job has not yet ended it).
 */
export async function activeCrisisFor(
  db: Db,
  communityId: number,
  topicId: number | null,
  at: number,
): Promise<CrisisInForce | undefined> {
  const open = await store.openCrises(db, communityId, topicId === null ? [0] : [0, topicId]);
  if (open.length === 0) return undefined;
  const restrictions = await store.settingsOf(db, communityId);
  const live = open
    .filter((c) => c.started_at <= at && calmEndOf(c, restrictions.calmMinutes) >= at)
    .sort((a, b) => a.topic_key - b.topic_key);
  return live[0] && { crisis: live[0], restrictions };
}

/**
 * Ends each crisis whose last trigger is older than its community's calm period and that no
 * staff member renewed past `at`. Run by a job every minute; a guarded update, so two instances
 * end each crisis once.
 */
export async function endCalmCrises(s: Store, at: number): Promise<CrisisRow[]> {
  const ended: CrisisRow[] = [];
  for (const { calm: chosen, ...c } of await store.allOpenCrises(s.db)) {
    const calm = chosen ?? (await store.settingsOf(s.db, c.community_id)).calmMinutes;
    if (c.last_trigger_at + calm * MINUTE >= at) continue;
    if (c.renewed_until !== null && c.renewed_until > at) continue;
    if (await store.end(s.db, c.id, at, null)) ended.push({ ...c, ended_at: at, ended_by: null });
  }
  return ended;
}

/**
 * Counts one event (a post by a young account, a new account, a flag) for its topic and its
 * community in the caller's transaction; when the window holds a wave and the community lets the
 * detector act, starts crisis mode on the topic, and on the whole community when the wave shows
 * there too (or extends the crisis already running).
 */
export async function noteSignal(
  trx: Db,
  dialect: Dialect,
  where: { communityId: number; topicId: number | null },
  signal: Signal,
  at: number,
): Promise<StartOrExtendResult[]> {
  const topic =
    where.topicId === null
      ? undefined
      : await countSignal(trx, dialect, { topicId: where.topicId }, signal, at);
  const community = await countSignal(trx, dialect, { communityId: where.communityId }, signal, at);
  if (!topic?.wave && !community.wave) return [];
  const settings = await store.settingsOf(trx, where.communityId);
  if (!settings.autoStart) return [];
  const out: StartOrExtendResult[] = [];
  const start = { communityId: where.communityId, by: null, trigger: signal, at };
  if (topic?.wave) out.push(await startOrExtendCrisis(trx, { ...start, topicId: where.topicId }));
  if (community.wave) out.push(await startOrExtendCrisis(trx, { ...start, topicId: null }));
  return out;
}

// Staff actions.

/** A topic of this community that the staff member can read; anything else: 404. */
async function readableTopicOf(
  s: Store,
  viewer: Viewer,
  access: CommunityAccess,
  topicId: number,
): Promise<void> {
  const place = await store.topicPlace(s.db, topicId);
  if (!place || place.community_id !== access.community.id) throw new AppError('not_found');
  const readers = await filterReaders(s.db, [viewer.id], { topicId });
  if (!readers.has(viewer.id)) throw new AppError('not_found');
}

/** A staff member starts crisis mode by hand, on the community or one of its topics. */
export async function startByHand(
  s: Store,
  viewer: Viewer,
  access: CommunityAccess,
  topicId: number | null,
  at: number,
): Promise<StartOrExtendResult> {
  if (!canModerateCommunity(access)) throw new AppError('not_found');
  if (topicId !== null) await readableTopicOf(s, viewer, access, topicId);
  return s.db.transaction().execute((trx) =>
    startOrExtendCrisis(trx, {
      communityId: access.community.id,
      topicId,
      by: viewer.id,
      trigger: 'manual',
      at,
    }),
  );
}

/** An open crisis of a community the viewer moderates; else the 404 of a missing one. */
async function requireOpenCrisis(s: Store, viewer: Viewer, crisisId: number, inCommunity?: number) {
  const crisis = await store.crisisById(s.db, crisisId);
  if (!crisis || (inCommunity !== undefined && crisis.community_id !== inCommunity))
    throw new AppError('not_found');
  const access = await requireCrisisStaff(s, viewer, { id: crisis.community_id });
  if (crisis.ended_at !== null)
    throw new AppError('conflict', { messageKey: 'crisis.error.ended' });
  return { crisis, access };
}

/** One crisis as staff see it (after an action on it). */
export async function viewOf(s: Store, c: CrisisRow): Promise<CrisisView> {
  const settings = await store.settingsOf(s.db, c.community_id);
  const [view] = await presentCrises(s.db, [c], settings.calmMinutes);
  if (!view) throw new Error('unreachable');
  return view;
}

/** Keeps a crisis going for one more calm period from `at`, whatever the detector sees. */
export async function renewCrisis(
  s: Store,
  viewer: Viewer,
  crisisId: number,
  at: number,
  inCommunity?: number,
): Promise<CrisisRow> {
  const { crisis } = await requireOpenCrisis(s, viewer, crisisId, inCommunity);
  const settings = await store.settingsOf(s.db, crisis.community_id);
  await store.renew(s.db, crisis.id, at + settings.calmMinutes * MINUTE);
  return (await store.crisisById(s.db, crisis.id)) ?? crisis;
}

export async function endCrisis(
  s: Store,
  viewer: Viewer,
  crisisId: number,
  at: number,
  inCommunity?: number,
): Promise<CrisisRow> {
  const { crisis } = await requireOpenCrisis(s, viewer, crisisId, inCommunity);
  await store.end(s.db, crisis.id, at, viewer.id);
  return (await store.crisisById(s.db, crisis.id)) ?? crisis;
}

export interface CrisisView {
  id: number;
  communityId: number;
  topic: { id: number; title: string } | null;
  startedAt: number;
  automatic: boolean;
  trigger: string;
  lastTriggerAt: number;
  renewedUntil: number | null;
  /** When it ends by itself if nothing more happens. */
  endsIfCalmAt: number;
  endedAt: number | null;
}

/** The community's open crises, as staff see them. */
export async function listCrises(s: Store, access: CommunityAccess): Promise<CrisisView[]> {
  if (!canModerateCommunity(access)) throw new AppError('not_found');
  const open = await store.openCrises(s.db, access.community.id);
  const settings = await store.settingsOf(s.db, access.community.id);
  return presentCrises(s.db, open, settings.calmMinutes);
}

export async function presentCrises(
  db: Db,
  rows: CrisisRow[],
  calmMinutes: number,
): Promise<CrisisView[]> {
  const titles = await store.topicTitles(
    db,
    rows.flatMap((c) => (c.topic_id === null ? [] : [c.topic_id])),
  );
  return rows.map((c) => ({
    id: c.id,
    communityId: c.community_id,
    topic: c.topic_id === null ? null : { id: c.topic_id, title: titles.get(c.topic_id) ?? '' },
    startedAt: c.started_at,
    automatic: c.started_by === null,
    trigger: c.trigger,
    lastTriggerAt: c.last_trigger_at,
    renewedUntil: c.renewed_until,
    endsIfCalmAt: calmEndOf(c, calmMinutes),
    endedAt: c.ended_at,
  }));
}

/** For the community's header: since when crisis mode runs there, for its staff only. */
export async function crisisBannerFor(
  db: Db,
  access: CommunityAccess,
): Promise<{ since: number } | undefined> {
  if (!canModerateCommunity(access)) return undefined;
  const open = await store.openCrises(db, access.community.id);
  if (open.length === 0) return undefined;
  return { since: Math.min(...open.map((c) => c.started_at)) };
}
