import { importUsers, NO_PASSWORD } from '../../accounts/index.js';
import { importCommunity } from '../../communities/index.js';
import { now, redoableTransaction, type Db, type Store } from '../../db/index.js';
import { assignHandles } from '../handles.js';
import * as store from '../store.js';
import { COMMUNITY_USER_ID } from './attrs.js';
import * as texts from './community.js';
import { DELETED_USER_KEY, toImportedUsers, type SourceUser } from './users.js';

export interface Setup {
  communityId: number;
  runId: number;
  /** Source user id (DELETED_USER_KEY for deleted authors) → Ruche user id. */
  userIds: Map<number, number>;
  created: { members: number; systemAccounts: number };
  alreadyImported: number;
}

interface SetupInput {
  source: string;
  site: string;
  slug: string;
  name: string;
  users: SourceUser[];
  needsDeletedUser: boolean;
  createdAt: number;
}

/**
 * Creates the community with its members in one transaction on the first run; on later
 * runs, finds them again through import_map and only opens a new run.
 */
export async function setUpCommunity(s: Store, input: SetupInput): Promise<Setup> {
  const first = await store.findFirstRun(s.db, input.source);
  if (first) return resume(s, input, first);
  try {
    return await redoableTransaction(s, (trx) => create(s, trx, input));
  } catch (err) {
    // Nothing was written: say what to change rather than quote the constraint.
    if (!String(err).includes('slug')) throw err;
    throw new Error(
      `A community already uses the slug "${input.slug}": choose another with --slug.`,
      {
        cause: err,
      },
    );
  }
}

async function create(s: Store, trx: Db, input: SetupInput): Promise<Setup> {
  const emailTag = (await store.hasOtherSources(trx, input.source))
    ? texts.emailTagOf(input.site)
    : null;
  const people = input.users.map((u) => ({ key: u.id, name: u.name }));
  if (input.needsDeletedUser) people.push({ key: DELETED_USER_KEY, name: 'Utilisateur supprimé' });
  const planned = toImportedUsers(input.users, {
    handles: await assignHandles(trx, people),
    emailTag,
    // Imported accounts are history, with no address to reach: nobody signs in as them.
    passwordHash: NO_PASSWORD,
    deletedAt: input.needsDeletedUser ? input.createdAt : null,
  });
  const ids = await importUsers(
    s,
    trx,
    planned.map((p) => p.user),
  );
  const userIds = new Map<number, number>();
  for (const p of planned) {
    const id = ids.get(p.user.handle);
    if (id === undefined) throw new Error(`No id for the imported member @${p.user.handle}`);
    userIds.set(p.key, id);
  }
  // The bot and the deleted-authors account write, but are nobody's fellow members.
  const members = input.users.filter((u) => u.id !== COMMUNITY_USER_ID);
  const { id: communityId } = await importCommunity(s, trx, {
    slug: input.slug,
    name: input.name,
    purpose: texts.purposeOf(input.site),
    typology: 'internal_community',
    visibility: 'public',
    charter: texts.charterOf(input.site),
    createdAt: input.createdAt,
    createdBy: null,
    memberships: members.map((u) => ({
      userId: userIds.get(u.id) ?? 0,
      role: 'member',
      joinedAt: u.createdAt,
    })),
    groups: [],
  });
  const runId = await store.insertRun(trx, {
    source: input.source,
    communityId,
    emailTag,
    at: now(),
  });
  await store.insertMappings(
    s,
    trx,
    input.source,
    [...userIds].map(([key, id]) => ({
      kind: key === DELETED_USER_KEY ? ('deleted_user' as const) : ('user' as const),
      source_id: key,
      target_id: id,
      run_id: runId,
    })),
  );
  return {
    communityId,
    runId,
    userIds,
    created: { members: members.length, systemAccounts: planned.length - members.length },
    alreadyImported: 0,
  };
}

async function resume(
  s: Store,
  input: SetupInput,
  first: { community_id: number; email_tag: string | null },
): Promise<Setup> {
  const userIds = await store.loadMap(s.db, input.source, 'user');
  const deleted = await store.loadMap(s.db, input.source, 'deleted_user');
  const missing = input.users.filter((u) => !userIds.has(u.id)).length;
  if (missing > 0 || (input.needsDeletedUser && deleted.size === 0)) {
    // Members and the community are written together, so a crash cannot leave some out.
    throw new Error(
      `This dump of ${input.site} has ${missing} accounts the first import did not have: ` +
        'importing a newer dump of an imported site is not supported, nor adding the members ' +
        'who never acted to an import made before Ruche imported every registered user ' +
        '(import the dump into a fresh database).',
    );
  }
  for (const [key, id] of deleted) userIds.set(key, id);
  const runId = await store.insertRun(s.db, {
    source: input.source,
    communityId: first.community_id,
    emailTag: first.email_tag,
    at: now(),
  });
  return {
    communityId: first.community_id,
    runId,
    userIds,
    created: { members: 0, systemAccounts: 0 },
    alreadyImported: input.users.filter((u) => u.id !== COMMUNITY_USER_ID).length,
  };
}
