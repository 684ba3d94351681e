import { findUsersByIds } from '../accounts/index.js';
import type { Db, Store } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';
import {
  WINDOW_DAYS,
  isTrustLevel,
  nextRequirements,
  type LifetimeCounts,
  type Requirement,
  type TrustLevel,
  type WindowCounts,
} from './levels.js';
import { levelLimits, type LevelLimits } from './limits.js';
import * as store from './store.js';

const DAY = 86_400_000;

/** A member's trust level (0 for an account the level job has not met yet). */
export async function trustLevelOf(db: Db, userId: number): Promise<TrustLevel> {
  return (await store.levelsOf(db, [userId])).get(userId) ?? 0;
}

/** The trust levels of many members at once (0 for those without one yet). */
export function trustLevelsOf(db: Db, userIds: number[]): Promise<Map<number, TrustLevel>> {
  return store.levelsOf(db, [...new Set(userIds)]);
}

export interface TrustView {
  userId: number;
  level: TrustLevel;
  locked: boolean;
  setBy: { id: number; handle: string } | null;
  updatedAt: number | null;
  limits: LevelLimits;
  next: { level: TrustLevel; requirements: Requirement[] } | null;
}

async function viewOf(s: Store, userId: number, at: number): Promise<TrustView> {
  const row = await store.findRow(s.db, userId);
  const level = row && isTrustLevel(row.level) ? row.level : 0;
  const locked = row?.locked === 1;
  const life: LifetimeCounts = {
    visitDays: row?.visit_days ?? 0,
    views: row?.views ?? 0,
    topicsEntered: row?.topics_entered ?? 0,
    topicsReplied: row?.topics_replied ?? 0,
    reactionsGiven: row?.reactions_given ?? 0,
    reactionsReceived: row?.reactions_received ?? 0,
  };
  const [w] = await store.windowCounts(s.db, [userId], Math.floor(at / DAY) - WINDOW_DAYS + 1);
  const window: WindowCounts = w ?? {
    visitDays: 0,
    views: 0,
    replies: 0,
    reactionsGiven: 0,
    reactionsReceived: 0,
  };
  const [setter] = row?.set_by ? await findUsersByIds(s.db, [row.set_by]) : [];
  return {
    userId,
    level,
    locked,
    setBy: setter ? { id: Number(setter.id), handle: setter.handle } : null,
    updatedAt: row?.updated_at ?? null,
    limits: levelLimits[level],
    next: nextRequirements({ level, locked, since: row?.updated_at ?? at }, life, window),
  };
}

/** The viewer's own level, its limits, and what the next level asks. */
export function ownTrust(s: Store, viewer: Viewer, at: number): Promise<TrustView> {
  return viewOf(s, viewer.id, at);
}

/** Instance admins only: community staff cannot change an instance-wide level (404 for them). */
function requireAdmin(viewer: Viewer): void {
  if (!viewer.isAdmin) throw new AppError('not_found');
}

async function requireMember(s: Store, userId: number) {
  const [unsafeUser] = await findUsersByIds(s.db, [userId]);
  if (!unsafeUser || unsafeUser.deleted_at !== null) throw new AppError('not_found');
  return {
    id: Number(unsafeUser.id),
    handle: unsafeUser.handle,
    displayName: unsafeUser.display_name,
  };
}

/** A member's level as an instance admin sees it. */
export async function memberTrust(s: Store, viewer: Viewer, userId: number, at: number) {
  requireAdmin(viewer);
  const member = await requireMember(s, userId);
  return { member, trust: await viewOf(s, member.id, at) };
}

/**
 * An instance admin sets a member's level by hand, locked (the level job then leaves it) or
 * not (the job may raise it again as it is earned, or lower a regular after the grace period).
 */
export async function setTrust(
  s: Store,
  viewer: Viewer,
  userId: number,
  input: { level: number; locked: boolean },
  at: number,
) {
  requireAdmin(viewer);
  const member = await requireMember(s, userId);
  if (!isTrustLevel(input.level))
    throw new AppError('invalid_input', { field: 'level', messageKey: 'trust.error.level' });
  await store.setLevel(s.db, member.id, {
    level: input.level,
    locked: input.locked,
    setBy: viewer.id,
    at,
  });
  return { member, trust: await viewOf(s, member.id, at) };
}
