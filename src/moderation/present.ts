import { userPath } from '../accounts/index.js';
import type { AuditListRow } from './store.js';
import type { QueueItem } from './service.js';

const iso = (at: number) => new Date(at).toISOString();
const person = (p: { id: number; handle: string; displayName: string } | undefined) =>
  p ? { id: p.id, handle: p.handle, displayName: p.displayName, href: userPath(p.handle) } : null;

/** A queue item as the API gives it, its score term by term. */
export function presentQueueItem(i: QueueItem) {
  return {
    target: i.target,
    score: i.score,
    hidden: i.isHidden,
    post: i.post
      ? {
          title: i.post.title,
          excerpt: i.post.excerpt,
          href: i.post.href,
          deleted: i.post.isDeleted,
        }
      : null,
    message: i.message ? { bodyHtml: i.message.bodyHtml, at: iso(i.message.createdAt) } : null,
    author: person(i.author),
    history: i.history,
    flags: i.flags.map((f) => ({
      id: f.id,
      reason: f.reason,
      text: f.text,
      at: iso(f.createdAt),
      flagger: person(f.flagger),
      weight: f.weight,
      trustLevel: f.trustLevel,
      accuracy: Math.round(f.accuracy * 1000) / 1000,
    })),
  };
}

export function presentAuditRow(r: AuditListRow) {
  return {
    id: Number(r.id),
    at: iso(Number(r.created_at)),
    community:
      r.community_id === null || r.community_slug === null
        ? null
        : { id: Number(r.community_id), slug: r.community_slug },
    actor:
      r.actor_id === null
        ? null
        : { id: Number(r.actor_id), handle: r.actor_handle ?? '', displayName: r.actor_name ?? '' },
    rule: r.rule,
    action: r.action,
    target: { kind: r.target_kind, id: Number(r.target_id) },
    reason: r.reason,
    reverses: r.reverses_id === null ? null : Number(r.reverses_id),
  };
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The audit log as CSV, one row per action. */
export function auditCsv(rows: AuditListRow[]): string {
  const head = [
    'id',
    'at',
    'community',
    'actor',
    'rule',
    'action',
    'target_kind',
    'target_id',
    'reason',
    'reverses',
  ];
  const lines = rows.map((r) =>
    [
      Number(r.id),
      iso(Number(r.created_at)),
      r.community_slug,
      r.actor_handle,
      r.rule,
      r.action,
      r.target_kind,
      Number(r.target_id),
      r.reason,
      r.reverses_id === null ? null : Number(r.reverses_id),
    ]
      .map(csvCell)
      .join(','),
  );
  return [head.join(','), ...lines].join('\n') + '\n';
}
