import { PARTNERS, VOLUNTEERS } from './communities.js';
import type { Theme } from './theme.js';
import { COORDINATION, TOOLS } from './themes-digital.js';
import { WELCOME } from './themes-network.js';
import { AGREEMENTS, SKILLS } from './themes-partners.js';
import { EVENTS, FUNDRAISING, MENTORING } from './themes-projects.js';
import type { DemoVisibility } from './types.js';

/**
 * Micro-communities of 8 to 25 people, as the seeds recommend, except « Accueil des nouveaux »
 * which has outgrown that size on purpose: the cockpit must have a split to propose.
 */
export interface GroupSpec {
  slug: string;
  name: string;
  description: string;
  community: string;
  visibility: DemoVisibility;
  daysAgo: number;
  size: number;
  animators: readonly string[];
  /** Members placed in the group whatever the draw. */
  regulars: readonly string[];
  topics: number;
  questionShare: number;
  theme: Theme;
  crowded?: true;
}

export const GROUP_SPECS: readonly GroupSpec[] = [
  {
    slug: 'accueil-des-nouveaux',
    name: 'Accueil des nouveaux',
    description:
      "Premiers pas, parrainage et réunions d'accueil : ici, on pose toutes ses questions.",
    community: VOLUNTEERS,
    visibility: 'public',
    daysAgo: 355,
    size: 58,
    animators: ['camille', 'fatou-camara'],
    regulars: ['ines-moreau', 'mireille_d', 'papy_bricolo', 'karim-benali'],
    topics: 54,
    questionShare: 0.5,
    theme: WELCOME,
    crowded: true,
  },
  {
    slug: 'evenements-lyon',
    name: 'Événements Lyon',
    description:
      'Brocantes, forums, collectes : on prépare ensemble les événements de la métropole.',
    community: VOLUNTEERS,
    visibility: 'public',
    daysAgo: 330,
    size: 22,
    animators: ['karim-benali'],
    regulars: ['papy_bricolo', 'yann-le-gall'],
    topics: 36,
    questionShare: 0.25,
    theme: EVENTS,
  },
  {
    slug: 'collecte-de-fonds',
    name: 'Collecte de fonds',
    description:
      'Campagnes de dons, remerciements, microdon et mécénat : partageons ce qui marche.',
    community: VOLUNTEERS,
    visibility: 'public',
    daysAgo: 290,
    size: 18,
    animators: ['lea-fontaine'],
    regulars: ['karim-benali', 'fatou-camara', 'ines-moreau'],
    topics: 30,
    questionShare: 0.35,
    theme: FUNDRAISING,
  },
  {
    slug: 'mentorat',
    name: 'Mentorat',
    description: 'Les mentors échangent sur la posture, les binômes et les belles réussites.',
    community: VOLUNTEERS,
    visibility: 'public',
    daysAgo: 270,
    size: 14,
    animators: ['aminata-diallo'],
    regulars: ['mireille_d', 'fatou-camara', 'ines-moreau'],
    topics: 24,
    questionShare: 0.4,
    theme: MENTORING,
  },
  {
    slug: 'outils-numeriques',
    name: 'Outils numériques',
    description: 'Entraide sur les outils du réseau et ateliers contre la fracture numérique.',
    community: VOLUNTEERS,
    visibility: 'public',
    daysAgo: 340,
    size: 24,
    animators: ['julien_roux'],
    regulars: ['camille', 'mireille_d', 'yann-le-gall'],
    topics: 36,
    questionShare: 0.6,
    theme: TOOLS,
  },
  {
    slug: 'coordination-des-referents',
    name: 'Coordination des référents',
    description: 'Espace privé des référents : modération, indicateurs et organisation.',
    community: VOLUNTEERS,
    visibility: 'private',
    daysAgo: 320,
    size: 11,
    animators: ['camille'],
    regulars: ['karim-benali', 'mireille_d', 'julien_roux', 'aminata-diallo', 'lea-fontaine'],
    topics: 16,
    questionShare: 0.3,
    theme: COORDINATION,
  },
  {
    slug: 'mecenat-de-competences',
    name: 'Mécénat de compétences',
    description: 'Missions pro bono et journées solidaires entre partenaires et antennes.',
    community: PARTNERS,
    visibility: 'public',
    daysAgo: 250,
    size: 16,
    animators: ['hugo-perrin', 'camille'],
    regulars: ['yann-le-gall', 'sophie-nguyen'],
    topics: 18,
    questionShare: 0.35,
    theme: SKILLS,
  },
  {
    slug: 'conventions-et-recus',
    name: 'Conventions et reçus',
    description: 'Conventions de partenariat, avenants, reçus fiscaux et attestations.',
    community: PARTNERS,
    visibility: 'public',
    daysAgo: 240,
    size: 12,
    animators: ['nadia-haddad'],
    regulars: ['sophie-nguyen', 'julien_roux'],
    topics: 15,
    questionShare: 0.6,
    theme: AGREEMENTS,
  },
];
