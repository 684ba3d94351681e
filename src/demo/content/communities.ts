import type { Theme } from './theme.js';
import { VOLUNTEERING } from './themes-network.js';
import { PARTNER_SUPPORT } from './themes-partners.js';
import type { DemoTypology, DemoVisibility } from './types.js';

export const VOLUNTEERS = 'reseau-des-benevoles';
export const PARTNERS = 'support-partenaires';
/** The association's director, who follows the volunteers' network as a sponsor. */
export const SPONSOR_HANDLE = 'helene-rousseau';

/** A community and what happens at its root (topics outside any group). */
export interface CommunitySpec {
  slug: string;
  name: string;
  purpose: string;
  typology: DemoTypology;
  visibility: DemoVisibility;
  charter: string;
  daysAgo: number;
  animators: readonly string[];
  moderators: readonly string[];
  /** Management: the cockpit's figures, aggregated, and no names. */
  sponsors: readonly string[];
  topics: number;
  questionShare: number;
  theme: Theme;
}

const VOLUNTEERS_CHARTER = `# Charte du Réseau des bénévoles

Ce réseau est un lieu d'entraide entre bénévoles de Solidarités Voisines. En le rejoignant, chacun s'engage à respecter ces règles.

1. **Bienveillance** : on s'adresse aux autres comme on aimerait qu'on s'adresse à soi. Les débutants sont les bienvenus et aucune question n'est bête.
2. **Confidentialité** : aucune information permettant de reconnaître une personne accompagnée (nom, adresse, santé, situation familiale) ne doit être publiée.
3. **Pas de publicité** : ni démarchage commercial, ni propagande politique ou religieuse. Les appels aux dons passent par le groupe « Collecte de fonds ».
4. **Un sujet, une question** : cherchez avant de publier et choisissez un titre clair, pour que la réponse serve aussi aux suivants.
5. **Dire merci** : quand une réponse vous aide, acceptez-la et n'oubliez pas le « Merci ».
6. **Respect** : pas d'attaque personnelle, de propos discriminatoires ni de harcèlement.
7. **Modération** : animateurs et modérateurs peuvent masquer un message contraire à la charte. La raison vous est toujours indiquée et vous pouvez la contester.
8. **Vie privée** : vos données restent les vôtres ; vous pouvez les exporter ou les supprimer à tout moment.
`;

const PARTNERS_CHARTER = `# Charte de l'espace Support partenaires

Cet espace réunit les partenaires de Solidarités Voisines et l'équipe qui les accompagne. Il est privé : son contenu ne sort pas de l'espace.

1. **Courtoisie** : un ton cordial, de part et d'autre, même quand un problème dure.
2. **Confidentialité** : ne publiez jamais de données personnelles de vos salariés ni d'informations contractuelles ; envoyez-les par message privé au support.
3. **Pas de prospection** : l'espace n'est pas un lieu de promotion commerciale entre partenaires.
4. **Un sujet par demande** : un problème, un sujet, avec le nom de votre structure et, s'il existe, le numéro de ticket.
5. **Délais** : l'équipe répond sous deux jours ouvrés ; les urgences sont signalées comme telles.
6. **Réponses validées** : marquez la réponse qui a réglé votre problème, elle rejoint la base de connaissances.
7. **Modération** : l'équipe peut déplacer, fusionner ou masquer un sujet, en indiquant toujours pourquoi.
8. **Périmètre** : les invités n'accèdent qu'aux espaces de leur partenariat.
`;

export const COMMUNITY_SPECS: readonly CommunitySpec[] = [
  {
    slug: VOLUNTEERS,
    name: 'Le Réseau des bénévoles',
    purpose:
      "Le Réseau des bénévoles rassemble les bénévoles de Solidarités Voisines pour s'entraider au quotidien : poser ses questions, partager les bonnes pratiques et accueillir les nouveaux. L'expérience de chacun sert à tous, et chaque réponse utile reste accessible aux suivants.",
    typology: 'internal_community',
    visibility: 'public',
    charter: VOLUNTEERS_CHARTER,
    daysAgo: 364,
    animators: ['camille', 'karim-benali'],
    moderators: ['mireille_d'],
    sponsors: [SPONSOR_HANDLE],
    topics: 118,
    questionShare: 0.3,
    theme: VOLUNTEERING,
  },
  {
    slug: PARTNERS,
    name: 'Support partenaires',
    purpose:
      "Support partenaires est l'espace où entreprises mécènes, collectivités et associations relais posent leurs questions à l'équipe de Solidarités Voisines : accès à la plateforme, conventions, reçus fiscaux, mécénat de compétences. Les réponses validées forment une base de connaissances commune.",
    typology: 'process_support',
    visibility: 'private',
    charter: PARTNERS_CHARTER,
    daysAgo: 300,
    animators: ['camille', 'sophie-nguyen'],
    moderators: ['thomas-leroy'],
    sponsors: [],
    topics: 52,
    questionShare: 0.65,
    theme: PARTNER_SUPPORT,
  },
];
