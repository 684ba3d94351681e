import type { Db, Store } from '../db/index.js';
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

export interface AuditQuery {
  communityId?: number | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

const AUDIT_LIMIT = 500;
const CSV_LIMIT = 100_000;

/** Audit rows for a filter: `actor` is a handle, or "auto" for automatic actions. */
export async function auditLog(s: Store, q: AuditQuery, forCsv = false) {
  let actorId: number | undefined;
  const automatic = q.actor === 'auto';
  if (q.actor && !automatic) {
    const handle = q.actor.replace(/^@/, '');
    const row = await s.db
      .selectFrom('users')
      .select('id')
      .where('handle', '=', handle)
      .executeTakeFirst();
    if (!row) return [];
    actorId = Number(row.id);
  }
  return store.listAudit(s.db, {
    communityId: q.communityId,
    action: q.action,
    actorId,
    automatic,
    from: q.from,
    to: q.to,
    limit: forCsv ? CSV_LIMIT : AUDIT_LIMIT,
  });
}
