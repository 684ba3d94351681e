import type { Cockpit } from './cockpit.js';
import { aggregatedRow, type CockpitView, type PrivacyBasis } from './privacy.js';

/**
 * The cockpit for staff who may not read every group (a moderator outside a private group). The
 * figures still count every post, but nothing names who posts in a group the reader does not
 * read: the newcomers whose first post is there leave the lists, an unanswered topic there keeps
 * only its date and kind (the list's length matches the figures), and that group's row of the
 * stage table shows what a sponsor sees of it. `readable` null: the reader reads every group.
 */
export function withoutUnreadable(
  c: Cockpit,
  readable: readonly number[] | null,
  basis: PrivacyBasis,
): CockpitView {
  if (readable === null) return c;
  const groups = new Set(readable);
  const isHidden = (p: { groupId: number | null }) => p.groupId !== null && !groups.has(p.groupId);
  return {
    ...c,
    responsiveness: {
      ...c.responsiveness,
      unanswered: c.responsiveness.unanswered.map((u) =>
        isHidden(u) ? { ...u, topicId: null, groupId: null } : u,
      ),
    },
    newcomers: {
      ...c.newcomers,
      unanswered_48h: c.newcomers.unanswered_48h.filter((n) => !isHidden(n)),
      members: c.newcomers.members.filter((n) => !isHidden(n)),
    },
    lifecycle: {
      ...c.lifecycle,
      groups: c.lifecycle.groups.map((g) =>
        isHidden(g) ? aggregatedRow(g, basis.recentContributors.get(g.groupId) ?? 0) : g,
      ),
    },
  };
}
