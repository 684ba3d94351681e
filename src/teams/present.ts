import type { TeamView } from './service.js';
import type * as store from './store.js';

export function presentTeam(t: TeamView) {
  return {
    id: t.id,
    communityId: t.community_id,
    name: t.name,
    initials: t.initials,
    handle: t.account_handle,
    members: t.members.map((m) => ({
      userId: m.user_id,
      handle: m.handle,
      displayName: m.display_name,
      signatureStyle: m.signature_style,
      signature: m.signature,
    })),
  };
}

/** A row of the audit trail, for instance admins only. */
export function presentTeamPost(r: Awaited<ReturnType<typeof store.listTeamPosts>>[number]) {
  return {
    kind: r.target_kind,
    targetId: r.target_id,
    team: { id: r.team_id, name: r.team_name, communityId: r.community_id },
    author:
      r.author_handle === null || r.author_name === null
        ? null
        : { handle: r.author_handle, displayName: r.author_name },
    signature: r.signature,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
