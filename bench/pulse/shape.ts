// The instance the pulse benchmark builds: how many members, where they are, and what a week
// of theirs looks like. Volumes are per 100,000 members and scale with BENCH_MEMBERS.

const DAY = 86_400_000;

/** Monday 30 November 2026, 08:00 in Paris: the weekly pulse's moment the run sends. */
export const PULSE_AT = Date.UTC(2026, 10, 30, 7, 0);
export const WEEK_START = PULSE_AT - 7 * DAY;
/** Where the members' past (their answers, their arrival) starts. */
export const HISTORY_START = PULSE_AT - 365 * DAY;

/** Share of the members in each community; the last one is private. */
export const COMMUNITIES = [
  { slug: 'quartiers', name: 'Quartiers solidaires', share: 0.5, groups: 40, visibility: 'public' },
  { slug: 'ressourcerie', name: 'La Ressourcerie', share: 0.3, groups: 25, visibility: 'public' },
  { slug: 'jardins', name: 'Jardins partagés', share: 0.15, groups: 15, visibility: 'public' },
  { slug: 'bureau', name: 'Le Bureau', share: 0.05, groups: 8, visibility: 'private' },
] as const;
/** Members who belong to a second community too. */
export const SECOND_COMMUNITY = 0.12;
/** Every tenth group is private (its members were approved). */
export const PRIVATE_GROUP_EVERY = 10;
/** How many groups a member is in: 0, 1, 2, 3, 4, 5 (most in 1–3). */
export const GROUPS_PER_MEMBER = [0.15, 0.4, 0.28, 0.12, 0.03, 0.02];
/** Share of the topics posted in a group rather than in the community at large. */
export const IN_GROUP = 0.6;

/** One week, per 100,000 members. */
export const WEEK = {
  topics: 3_000,
  /** Share of the new topics that are questions. */
  questions: 0.4,
  /** Share of the week's questions nobody answered yet: the "needs you" material. */
  unanswered: 0.35,
  replies: 15_000,
  thanks: 8_000,
  /** Thanks taken back in the week. */
  thanksWithdrawn: 300,
  /** Signed-in reads (content.viewed), by about a quarter of the members. */
  views: 250_000,
  viewers: 25_000,
  newcomers: 1_500,
  groupJoins: 3_000,
  /** Share of the thanked authors who read their "Merci" notification. */
  thanksRead: 0.5,
};

/** Before the week, per 100,000 members: the answers that give members their words. */
export const PAST = { topics: 20_000, replies: 120_000, answerers: 20_000 };

/** Other zones some members chose (the rest keep the instance's, Europe/Paris). */
export const ZONES = ['America/Montreal', 'Europe/London', 'Africa/Dakar', 'Asia/Tokyo'];
export const OTHER_ZONE = 0.04;
export const ENGLISH = 0.2;

// Titles are drawn from these words, so that a member's past answers share some with the week's
// questions (the "needs you" matching), as they do in a community with recurring subjects.
const OPENINGS = [
  'Comment organiser',
  'Besoin d’aide pour',
  'Qui connaît',
  'Retour sur',
  'Idées pour',
  'Question sur',
  'Proposition :',
  'Où trouver',
  'Bilan de',
  'Recherche bénévoles pour',
];
const SUBJECTS = [
  'vélos',
  'jardin',
  'compost',
  'atelier',
  'réparation',
  'cuisine',
  'marché',
  'brocante',
  'bibliothèque',
  'permanence',
  'accueil',
  'traduction',
  'informatique',
  'ordinateurs',
  'téléphones',
  'semences',
  'potager',
  'arrosage',
  'récolte',
  'fête',
  'quartier',
  'concert',
  'musique',
  'théâtre',
  'cinéma',
  'randonnée',
  'covoiturage',
  'déménagement',
  'bricolage',
  'peinture',
  'couture',
  'tricot',
  'meubles',
  'électricité',
  'plomberie',
  'chauffage',
  'isolation',
  'logement',
  'colocation',
  'emploi',
  'formation',
  'devoirs',
  'lecture',
  'écriture',
  'photographie',
  'vidéo',
  'affiches',
  'budget',
  'subvention',
  'assurance',
  'statuts',
  'assemblée',
  'réunion',
  'planning',
  'inscriptions',
  'adhésions',
  'cotisations',
  'partenaires',
  'mairie',
  'école',
  'crèche',
  'seniors',
  'jeunes',
  'santé',
  'alimentation',
  'épicerie',
  'paniers',
  'livraison',
  'stockage',
  'local',
  'clés',
  'matériel',
  'outils',
  'perceuse',
  'échelle',
  'remorque',
  'camion',
  'parking',
  'tri',
  'déchets',
  'recyclage',
  'vêtements',
  'jouets',
  'livres',
  'dons',
  'collecte',
  'newsletter',
  'site',
  'réseaux',
  'visioconférence',
  'tableur',
  'imprimante',
  'wifi',
  'sauvegarde',
  'mots de passe',
  'accessibilité',
  'handicap',
  'traiteur',
  'goûter',
  'pique-nique',
];
const LINKS = ['et', 'avec', 'pour', 'autour du', 'sans'];

export function titleOf(draw: (n: number) => number): string {
  const a = SUBJECTS[draw(SUBJECTS.length)] ?? 'atelier';
  const b = SUBJECTS[draw(SUBJECTS.length)] ?? 'jardin';
  const opening = OPENINGS[draw(OPENINGS.length)] ?? 'Question sur';
  return draw(3) === 0
    ? `${opening} ${a}`
    : `${opening} ${a} ${LINKS[draw(LINKS.length)] ?? 'et'} ${b}`;
}

export function scaled(perHundredThousand: number, members: number): number {
  return Math.max(1, Math.round((perHundredThousand * members) / 100_000));
}
