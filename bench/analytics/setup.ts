import { hashPassword, importUsers } from '../../src/accounts/index.js';
import { importCommunity } from '../../src/communities/index.js';
import type { Store } from '../../src/db/index.js';
import { DAY, HOUR, MINUTE } from './calendar.js';
import type { Random } from './random.js';

/** Every staff account of the benchmark signs in with this password. */
export const BENCH_PASSWORD = 'ruche-bench-2026';
const ANIMATORS = 4;
const MODERATORS = 6;
const GROUP_NAMES = [
  'Accueil des nouveaux',
  'Entraide numérique',
  'Événements',
  'Bénévolat',
  'Formations',
  'Vie locale',
  'Communication',
  'Partenariats',
  'Jardins partagés',
  'Mobilité',
  'Seniors connectés',
  'Jeunesse',
  'Culture',
  'Sport pour tous',
  'Solidarité alimentaire',
  'Logement',
  'Emploi',
  'Santé',
  'Environnement',
  'Projets européens',
];
/** Groups open on the first day; the others open over the history. */
const FOUNDING_GROUPS = 6;

export interface Setup {
  communityId: number;
  adminId: number;
  staffIds: number[];
  animatorIds: number[];
  groups: { id: number; at: number }[];
}

/**
 * The few rows the cockpit service reads besides the log: the admin, the staff with their
 * roles, the community (created at `from`) and its groups, through the importers' own code.
 */
export async function createCommunity(store: Store, rng: Random, from: number): Promise<Setup> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const account = (handle: string, displayName: string, isAdmin: boolean) => ({
    handle,
    displayName,
    email: `${handle}@bench.ruche.test`,
    bio: '',
    passwordHash,
    isAdmin,
    createdAt: from - DAY,
  });
  const accounts = [
    account('bench-admin', 'Admin du banc', true),
    ...Array.from({ length: ANIMATORS }, (_, i) =>
      account(`bench-animator-${i + 1}`, `Animatrice ${i + 1}`, false),
    ),
    ...Array.from({ length: MODERATORS }, (_, i) =>
      account(`bench-moderator-${i + 1}`, `Modérateur ${i + 1}`, false),
    ),
  ];
  const groupTimes = GROUP_NAMES.map((_, k) =>
    k < FOUNDING_GROUPS
      ? from + (k + 1) * HOUR
      : Math.floor((from + 20 * DAY + rng.next() * (60 * DAY)) / MINUTE) * MINUTE,
  );
  groupTimes.sort((a, b) => a - b);
  return store.db.transaction().execute(async (trx) => {
    const ids = await importUsers(store, trx, accounts);
    const idOf = (handle: string) => ids.get(handle) ?? 0;
    const adminId = idOf('bench-admin');
    const staff = accounts.slice(1).map((a) => ({
      id: idOf(a.handle),
      role: a.handle.startsWith('bench-animator') ? 'animator' : 'moderator',
    }));
    const made = await importCommunity(store, trx, {
      slug: 'bench',
      name: 'Banc d’essai',
      purpose: 'A synthetic community for measuring the cockpit.',
      typology: 'internal_community',
      visibility: 'public',
      charter: 'Bienveillance, entraide, respect.',
      createdAt: from,
      createdBy: adminId,
      memberships: [{ id: adminId, role: 'animator' }, ...staff].map((s) => ({
        userId: s.id,
        role: s.role,
        joinedAt: from,
      })),
      // No group members here: createGroup records `group.created`, written later in the log.
      groups: GROUP_NAMES.map((name, k) => ({
        slug: `groupe-${k + 1}`,
        name,
        description: '',
        visibility: 'public',
        createdAt: groupTimes[k] ?? from,
        members: [],
      })),
    });
    const groups = GROUP_NAMES.map((_, k) => ({
      id: made.groupIds.get(`groupe-${k + 1}`) ?? 0,
      at: groupTimes[k] ?? from,
    }));
    // As createGroup does: its creator animates it.
    await trx
      .insertInto('group_members')
      .values(
        groups.map((g) => ({
          group_id: g.id,
          user_id: adminId,
          role: 'animator',
          status: 'active',
          joined_at: g.at,
        })),
      )
      .execute();
    return {
      communityId: made.id,
      adminId,
      staffIds: staff.map((s) => s.id),
      animatorIds: staff.filter((s) => s.role === 'animator').map((s) => s.id),
      groups,
    };
  });
}
