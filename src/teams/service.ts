import { createVoiceAccount, findLiveUsersByHandles } from '../accounts/index.js';
import {
  canManageTeams,
  canSpeakAsTeam,
  enrolVoiceAccount,
  loadReaderStandings,
  requireVisibleCommunity,
  type CommunityStanding,
} from '../communities/index.js';
import { isUniqueViolation, now, type Db, type Store } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';
import { signatureOf, teamInitials } from './signature.js';
import * as store from './store.js';

/** Speaking as a team: who writes, through which account, and how they sign. */
export interface Voice {
  teamId: number;
  accountId: number;
  accountHandle: string;
  teamName: string;
  authorId: number;
  signature: string;
}

/** The community's teams for its animators and admins; the same 404 as a missing page for others. */
async function requireTeamManager(db: Db, viewer: Viewer, communityId: number) {
  const access = await requireVisibleCommunity(db, viewer, { id: communityId });
  if (!canManageTeams(access)) throw new AppError('not_found');
  return access;
}

async function requireManagedTeam(db: Db, viewer: Viewer, teamId: number) {
  const unsafeTeam = await store.findTeam(db, teamId);
  if (!unsafeTeam) throw new AppError('not_found');
  const access = await requireTeamManager(db, viewer, unsafeTeam.community_id);
  return { team: unsafeTeam, access };
}

/** A community's teams with their members, for the team page of its animators. */
export async function listTeams(s: Store, viewer: Viewer, communityId: number) {
  const access = await requireTeamManager(s.db, viewer, communityId);
  const teams = await store.teamsOfCommunity(s.db, communityId);
  const members = await store.membersOf(
    s.db,
    teams.map((t) => t.id),
  );
  return {
    access,
    teams: teams.map((t) => ({
      ...t,
      initials: teamInitials(t.name),
      members: members
        .filter((m) => m.team_id === t.id)
        .map((m) => ({ ...m, signature: signatureOf(m.display_name, m.signature_style) })),
    })),
  };
}

export type TeamView = Awaited<ReturnType<typeof listTeams>>['teams'][number];

/** A new team identity, with the account it speaks through, joined to the community as staff. */
export async function createTeam(
  s: Store,
  viewer: Viewer,
  communityId: number,
  input: { name: string },
): Promise<number> {
  await requireTeamManager(s.db, viewer, communityId);
  const nameTaken = () =>
    new AppError('conflict', { field: 'name', messageKey: 'teams.error.nameTaken' });
  if (await store.findTeamByName(s.db, communityId, input.name)) throw nameTaken();
  const at = now();
  try {
    return await s.db.transaction().execute(async (trx) => {
      const account = await createVoiceAccount(trx, { displayName: input.name, at });
      await enrolVoiceAccount(trx, { communityId, accountId: account.id, at });
      return store.insertTeam(trx, {
        communityId,
        accountId: account.id,
        name: input.name,
        createdBy: viewer.id,
        at,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

/**
 * Adds an animator of the community to a team (or changes their signature). Only those who may
 * speak as a team once in it — the community's animators and admins — may be added.
 */
export async function addTeamMember(
  s: Store,
  viewer: Viewer,
  teamId: number,
  input: { handle: string; signatureStyle: store.SignatureStyle },
): Promise<void> {
  const { team } = await requireManagedTeam(s.db, viewer, teamId);
  const [person] = await findLiveUsersByHandles(s.db, [input.handle.replace(/^@/, '')]);
  const notAnimator = new AppError('invalid_input', {
    field: 'handle',
    messageKey: 'teams.error.notAnimator',
  });
  if (!person) throw notAnimator;
  const standing = (
    await loadReaderStandings(s.db, [person.id], { communityId: team.community_id, groupId: null })
  ).get(person.id);
  if (!standing || !canSpeakAsTeam(standing.access, true)) throw notAnimator;
  await store.upsertMember(s.db, {
    teamId,
    userId: person.id,
    style: input.signatureStyle,
    at: now(),
  });
}

export async function removeTeamMember(
  s: Store,
  viewer: Viewer,
  teamId: number,
  userId: number,
): Promise<void> {
  await requireManagedTeam(s.db, viewer, teamId);
  await store.deleteMember(s.db, teamId, userId);
}

/** An animator of the team chooses how they sign its posts. */
export async function chooseSignature(
  s: Store,
  viewer: Viewer,
  teamId: number,
  style: store.SignatureStyle,
): Promise<void> {
  const mine = (await store.teamsOfMember(s.db, viewer.id)).find((t) => t.id === teamId);
  if (!mine) throw new AppError('not_found');
  await store.upsertMember(s.db, { teamId, userId: viewer.id, style, at: now() });
}

function notYourTeam(): AppError {
  return new AppError('forbidden', { field: 'asTeam', messageKey: 'teams.error.notYourTeam' });
}

/**
 * The voice the viewer would speak with as `teamId` in a community where their standing is
 * `standing`: refused (a translated 403, before anything is written) unless they are one of the
 * team and may still speak for it (`canSpeakAsTeam`).
 */
export async function requireVoice(
  db: Db,
  viewer: Viewer,
  teamId: number,
  standing?: CommunityStanding & { community: { id: number } },
): Promise<Voice> {
  const mine = (await store.teamsOfMember(db, viewer.id)).find((t) => t.id === teamId);
  if (!mine) throw notYourTeam();
  if (standing && standing.community.id !== mine.community_id) throw notYourTeam();
  const access =
    standing ??
    (await requireVisibleCommunity(db, viewer, { id: mine.community_id }).catch(() => {
      throw notYourTeam();
    }));
  if (!canSpeakAsTeam(access, true)) throw notYourTeam();
  return {
    teamId,
    accountId: mine.account_id,
    accountHandle: mine.account_handle,
    teamName: mine.name,
    authorId: viewer.id,
    signature: signatureOf(viewer.displayName, mine.signature_style),
  };
}

/** The audit row of a post or message written as a team; in the write's own transaction. */
export function recordTeamPost(
  trx: Db,
  voice: Voice,
  kind: store.TeamPostKind,
  targetId: number,
  at: number,
): Promise<void> {
  return store.insertTeamPost(trx, {
    teamId: voice.teamId,
    authorId: voice.authorId,
    kind,
    targetId,
    signature: voice.signature,
    at,
  });
}

/** The teams a member may speak as in one community, for the post forms' "as" choice. */
export async function voicesIn(
  db: Db,
  viewer: Viewer,
  standing: CommunityStanding & { community: { id: number } },
) {
  if (!canSpeakAsTeam(standing, true)) return [];
  return (await store.teamsOfMember(db, viewer.id)).filter(
    (t) => t.community_id === standing.community.id,
  );
}

/** The accounts of every team the member is one of: their conversations are theirs too. */
export async function teamAccountsOf(
  db: Db,
  userId: number,
): Promise<{ teamId: number; accountId: number }[]> {
  return (await store.teamsOfMember(db, userId)).map((t) => ({
    teamId: t.id,
    accountId: t.account_id,
  }));
}

/** Which of these authors are teams, with what the post shows of them (name and initials). */
export async function teamsAmong(db: Db, accountIds: number[]) {
  const rows = await store.teamsByAccounts(db, [...new Set(accountIds)]);
  return new Map(
    rows.map((t) => [t.account_id, { teamId: t.id, name: t.name, initials: teamInitials(t.name) }]),
  );
}

export type TeamsAmong = Awaited<ReturnType<typeof teamsAmong>>;

/** The signature under each of these team posts (id → "Camille"). */
export async function signaturesFor(
  db: Db,
  kind: store.TeamPostKind,
  ids: number[],
): Promise<Map<number, string>> {
  const rows = await store.signaturesOf(db, kind, ids);
  return new Map(rows.map((r) => [r.target_id, r.signature]));
}

/** Every animator of the teams speaking through these accounts (messages reach them all). */
export async function animatorsBehind(db: Db, accountIds: number[]) {
  const teams = await store.teamsByAccounts(db, accountIds);
  const members = await store.membersOf(
    db,
    teams.map((t) => t.id),
  );
  return members.map((m) => ({
    accountId: teams.find((t) => t.id === m.team_id)?.account_id ?? 0,
    userId: m.user_id,
  }));
}

/** The audit trail of team posts: instance admins only, a 404 for anyone else. */
export async function listTeamPosts(
  s: Store,
  viewer: Viewer | null,
  q: { kind?: store.TeamPostKind | undefined; targetId?: number | undefined; limit: number },
) {
  if (!viewer?.isAdmin) throw new AppError('not_found');
  return store.listTeamPosts(s.db, q);
}

/** What a post by a team shows: the team's name and initials, and its animator's signature. */
export interface PostVoice {
  team: string;
  initials: string;
  signature: string;
}

/**
 * The team voice of each of these posts that a team wrote (post id → voice); others are absent.
 * Two indexed queries, the second only when a team is among the authors.
 */
export async function voicesOfPosts(
  db: Db,
  kind: store.TeamPostKind,
  posts: { id: number; author_id: number }[],
): Promise<Map<number, PostVoice>> {
  const out = new Map<number, PostVoice>();
  const teams = await teamsAmong(
    db,
    posts.map((p) => p.author_id),
  );
  if (teams.size === 0) return out;
  const byTeam = posts.filter((p) => teams.has(p.author_id));
  const signatures = await signaturesFor(
    db,
    kind,
    byTeam.map((p) => p.id),
  );
  for (const p of byTeam) {
    const team = teams.get(p.author_id);
    if (team)
      out.set(p.id, {
        team: team.name,
        initials: team.initials,
        signature: signatures.get(p.id) ?? '',
      });
  }
  return out;
}

/** The teams a member is one of, everywhere (the message form's "as" choice). */
export async function teamsOfViewer(db: Db, viewer: Viewer) {
  return (await store.teamsOfMember(db, viewer.id)).map((t) => ({
    id: t.id,
    name: t.name,
    communityId: Number(t.community_id),
  }));
}
