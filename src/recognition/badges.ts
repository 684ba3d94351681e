/**
 * The badges, defined here and only here: each one's id, its rule over the activity log (and the
 * tables it names), and its name and description in French and English. They thank cooperative
 * acts, never volume for its own sake (seed 000). "Organised something" waits for events.
 */

/** How a badge is earned in one community; rules.ts reads each from the log. */
export type BadgeRule =
  /** The member wrote at least `atLeast` replies (`reply.created`). */
  | { type: 'replies'; atLeast: number }
  /** Others accepted at least `atLeast` of the member's replies (`answer.accepted`). */
  | { type: 'acceptedAnswers'; atLeast: number }
  /** The member welcomed at least `atLeast` different newcomers (`newcomer.welcomed`). */
  | { type: 'welcomes'; atLeast: number }
  /** A newcomer the member was buddy of (`buddy.assigned`) did not leave within `days`. */
  | { type: 'buddyKept'; days: number }
  /** At least `atLeast` "Merci" from different members on different posts (`reaction.added`). */
  | { type: 'mercisReceived'; atLeast: number }
  /** An active member of the community for at least `days` (memberships.joined_at). */
  | { type: 'membership'; days: number };

interface Words {
  name: string;
  description: string;
}

export interface Badge {
  id: string;
  rule: BadgeRule;
  fr: Words;
  en: Words;
}

export const badges = [
  {
    id: 'first-reply',
    rule: { type: 'replies', atLeast: 1 },
    fr: { name: 'Première réponse', description: 'A répondu pour la première fois à quelqu’un.' },
    en: { name: 'First reply', description: 'Replied to someone for the first time.' },
  },
  {
    id: 'first-accepted-answer',
    rule: { type: 'acceptedAnswers', atLeast: 1 },
    fr: {
      name: 'Première réponse acceptée',
      description: 'Une de ses réponses a aidé quelqu’un, qui l’a acceptée.',
    },
    en: {
      name: 'First accepted answer',
      description: 'One of their answers helped someone, who accepted it.',
    },
  },
  {
    id: 'ten-accepted-answers',
    rule: { type: 'acceptedAnswers', atLeast: 10 },
    fr: { name: 'Dix réponses acceptées', description: 'Dix de ses réponses ont été acceptées.' },
    en: { name: 'Ten accepted answers', description: 'Ten of their answers were accepted.' },
  },
  {
    id: 'welcomed-five',
    rule: { type: 'welcomes', atLeast: 5 },
    fr: {
      name: 'Comité d’accueil',
      description: 'A souhaité la bienvenue à cinq nouveaux membres.',
    },
    en: { name: 'Welcome committee', description: 'Welcomed five newcomers.' },
  },
  {
    id: 'buddy-kept',
    rule: { type: 'buddyKept', days: 90 },
    fr: {
      name: 'Marraine ou parrain',
      description: 'A accompagné un nouveau membre, toujours là trois mois plus tard.',
    },
    en: {
      name: 'Buddy',
      description: 'Was the buddy of a newcomer who was still there three months later.',
    },
  },
  {
    id: 'ten-mercis',
    rule: { type: 'mercisReceived', atLeast: 10 },
    fr: { name: 'Dix « Merci »', description: 'A reçu dix « Merci » pour ses messages.' },
    en: { name: 'Ten “Merci”', description: 'Was thanked ten times for their posts.' },
  },
  {
    id: 'one-year',
    rule: { type: 'membership', days: 365 },
    fr: { name: 'Un an parmi nous', description: 'Membre de la communauté depuis un an.' },
    en: { name: 'One year with us', description: 'A member of the community for a year.' },
  },
] as const satisfies readonly Badge[];

export type BadgeId = (typeof badges)[number]['id'];

const byId = new Map<string, Badge>(badges.map((b) => [b.id, b]));

/** The badge of this id, or undefined for one no longer defined. */
export function findBadge(id: string): Badge | undefined {
  return byId.get(id);
}

/** A badge's words in the reader's language. */
export function badgeWords(badge: Badge, locale: string): Words {
  return locale === 'en' ? badge.en : badge.fr;
}
