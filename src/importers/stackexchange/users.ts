import { join } from 'node:path';
import type { ImportedUser } from '../../accounts/index.js';
import { htmlToText } from '../html-text.js';
import { detached, readRows } from '../read-xml.js';
import { COMMUNITY_USER_ID, dateOf } from './attrs.js';

/** A Stack Exchange account: every registered user is imported, whether they acted or not. */
export interface SourceUser {
  id: number;
  name: string;
  bio: string;
  createdAt: number;
}

/** The key of the one account standing for every deleted author (no Stack Exchange id is 0). */
export const DELETED_USER_KEY = 0;
const MAX_BIO = 2000;

/**
 * Streams Users.xml: every account, registered users who never acted included (the dormant
 * members and lurkers of the site), with the Community bot (-1) only when `withBot`.
 */
export async function readUsers(
  dir: string,
  withBot: boolean,
  onBytes: (n: number) => void,
): Promise<SourceUser[]> {
  const users: SourceUser[] = [];
  await readRows(
    join(dir, 'Users.xml'),
    (row) => {
      const id = row.int('Id');
      if (id === null || (id === COMMUNITY_USER_ID && !withBot)) return;
      const aboutMe = row.get('AboutMe');
      const about = aboutMe ? htmlToText(aboutMe) : '';
      users.push({
        id,
        name: detached(row.get('DisplayName')?.trim() || `user${id}`),
        bio: about.slice(0, MAX_BIO).trim(),
        createdAt: dateOf(row),
      });
    },
    onBytes,
  );
  return users;
}

/** Addresses nobody can receive mail at (.invalid), telling each source account apart. */
export function emailOf(key: number, tag: string | null): string {
  const local =
    key === COMMUNITY_USER_ID ? 'community' : key === DELETED_USER_KEY ? 'deleted' : String(key);
  return `se-${tag ? `${tag}-` : ''}${local}@import.invalid`;
}

/** The accounts to create, the deleted-authors one included when needed. */
export function toImportedUsers(
  users: SourceUser[],
  opts: {
    handles: Map<number, string>;
    emailTag: string | null;
    passwordHash: string;
    deletedAt: number | null;
  },
): { key: number; user: ImportedUser }[] {
  const all = [...users];
  if (opts.deletedAt !== null) {
    all.push({
      id: DELETED_USER_KEY,
      name: 'Utilisateur supprimé',
      bio: 'Les auteurs dont le compte Stack Exchange a été supprimé.',
      createdAt: opts.deletedAt,
    });
  }
  return all.map((u) => ({
    key: u.id,
    user: {
      email: emailOf(u.id, opts.emailTag),
      handle: opts.handles.get(u.id) ?? `se-${u.id}`,
      displayName: u.name,
      bio: u.bio,
      passwordHash: opts.passwordHash,
      isAdmin: false,
      // The bot and the deleted authors write, but are nobody's fellow members.
      isSystem: u.id === COMMUNITY_USER_ID || u.id === DELETED_USER_KEY,
      createdAt: u.createdAt,
    },
  }));
}
