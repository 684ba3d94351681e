import type { Db } from '../db/index.js';
import * as store from './store.js';

/** What one staff or automatic moderation action was, for its audit row. */
export interface AuditEntry {
  communityId: number | null;
  /** The staff member who acted; null: automatic, by `rule`. */
  actorId: number | null;
  rule?: string | undefined;
  action: AuditAction;
  target: { kind: string; id: number };
  reason: string;
  at: number;
  /** The earlier audit row this action undoes. */
  reverses?: number | undefined;
}

export const auditActions = [
  'flag.agreed',
  'flag.disagreed',
  'flag.ignored',
  'post.hidden',
] as const;
export type AuditAction = (typeof auditActions)[number];

/**
 * Writes one audit row, in the transaction of the action it records: every staff and automatic
 * moderation action calls it once. The audit log is never shown to members or sponsors.
 */
export function recordAudit(trx: Db, e: AuditEntry): Promise<number> {
  return store.insertAudit(trx, {
    community_id: e.communityId,
    actor_id: e.actorId,
    rule: e.actorId === null ? (e.rule ?? null) : null,
    action: e.action,
    target_kind: e.target.kind,
    target_id: e.target.id,
    reason: e.reason,
    created_at: e.at,
    reverses_id: e.reverses ?? null,
  });
}
