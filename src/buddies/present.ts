import { userPath } from '../accounts/index.js';
import type { Person, Proposal, Volunteer } from './service.js';

const iso = (at: number) => new Date(at).toISOString();

export function presentPerson(p: Person) {
  return { id: p.id, handle: p.handle, displayName: p.displayName, href: userPath(p.handle) };
}

export function presentVolunteer(v: Volunteer) {
  return {
    member: presentPerson(v.member),
    since: iso(v.since),
    newcomers: v.newcomers,
    lastActiveAt: v.lastActiveAt === undefined ? null : iso(v.lastActiveAt),
    active: v.isActive,
  };
}

export function presentProposal(p: Proposal) {
  return {
    ...presentVolunteer(p),
    sharedInterests: p.sharedInterests,
    sharedGroups: p.sharedGroups,
  };
}

export function presentBuddy(b: (Person & { since: number }) | undefined) {
  return b ? { ...presentPerson(b), since: iso(b.since) } : null;
}
