import { PARTNERS, SPONSOR_HANDLE, VOLUNTEERS } from './communities.js';

/**
 * The named people of the demo: the animator the visitor plays, the staff, and the handful of
 * very active members every real community has (about 3 % of members, most of the content).
 */
export interface Persona {
  handle: string;
  displayName: string;
  bio: string;
  /** One of the very active few. */
  core: boolean;
  /** Community slug → days before `now` the persona joined it. */
  joined: Readonly<Record<string, number>>;
}

export const ANIMATOR_HANDLE = 'camille';

export const PERSONAS: readonly Persona[] = [
  {
    handle: ANIMATOR_HANDLE,
    displayName: 'Camille Martin',
    bio: "Animatrice du Réseau des bénévoles et de l'espace partenaires. Mon métier : accueillir, mettre en relation et dire merci.",
    core: true,
    joined: { [VOLUNTEERS]: 364, [PARTNERS]: 300 },
  },
  {
    handle: 'karim-benali',
    displayName: 'Karim Benali',
    bio: 'Référent des événements lyonnais. Toujours une rallonge électrique dans le coffre.',
    core: true,
    joined: { [VOLUNTEERS]: 363 },
  },
  {
    handle: 'mireille_d',
    displayName: 'Mireille Dupont',
    bio: "Institutrice à la retraite. J'anime les ateliers numériques pour les seniors le mardi.",
    core: true,
    joined: { [VOLUNTEERS]: 362 },
  },
  {
    handle: 'julien_roux',
    displayName: 'Julien Roux',
    bio: 'Développeur le jour, bénévole le soir : je veille sur les outils numériques du réseau.',
    core: true,
    joined: { [VOLUNTEERS]: 360, [PARTNERS]: 299 },
  },
  {
    handle: 'sophie-nguyen',
    displayName: 'Sophie Nguyen',
    bio: 'Responsable des partenariats : je réponds aux entreprises et collectivités partenaires.',
    core: true,
    joined: { [VOLUNTEERS]: 358, [PARTNERS]: 300 },
  },
  {
    handle: 'papy_bricolo',
    displayName: 'Papy Bricolo',
    bio: 'Je répare tout ce qui passe : vélos, barnums et machines à café des événements.',
    core: true,
    joined: { [VOLUNTEERS]: 352 },
  },
  {
    handle: 'fatou-camara',
    displayName: 'Fatou Camara',
    bio: "Bénévole à l'aide aux devoirs depuis six ans, marraine de nombreux nouveaux.",
    core: true,
    joined: { [VOLUNTEERS]: 356 },
  },
  {
    handle: 'yann-le-gall',
    displayName: 'Yann Le Gall',
    bio: 'Chef de projet chez Groupe Alvéole, fidèle des événements et du mécénat de compétences.',
    core: true,
    joined: { [VOLUNTEERS]: 340, [PARTNERS]: 280 },
  },
  {
    handle: 'ines-moreau',
    displayName: 'Inès Moreau',
    bio: "En service civique dans l'association, future travailleuse sociale.",
    core: true,
    joined: { [VOLUNTEERS]: 330 },
  },
  {
    handle: 'aminata-diallo',
    displayName: 'Aminata Diallo',
    bio: 'Coordinatrice du mentorat. Je crois aux binômes qui durent.',
    core: false,
    joined: { [VOLUNTEERS]: 285 },
  },
  {
    handle: 'lea-fontaine',
    displayName: 'Léa Fontaine',
    bio: 'Chargée de la collecte de fonds et des relations avec les donateurs.',
    core: false,
    joined: { [VOLUNTEERS]: 300 },
  },
  {
    handle: 'hugo-perrin',
    displayName: 'Hugo Perrin',
    bio: 'Responsable mécénat chez Mutuelle Horizon.',
    core: false,
    joined: { [PARTNERS]: 295 },
  },
  {
    handle: 'nadia-haddad',
    displayName: 'Nadia Haddad',
    bio: "Trésorière de l'association : conventions, reçus fiscaux et tableurs.",
    core: false,
    joined: { [VOLUNTEERS]: 320, [PARTNERS]: 290 },
  },
  {
    handle: SPONSOR_HANDLE,
    displayName: 'Hélène Rousseau',
    bio: 'Directrice de Solidarités Voisines. Je suis la santé du réseau dans son ensemble, pas les échanges de chacun.',
    core: false,
    joined: { [VOLUNTEERS]: 340 },
  },
  {
    handle: 'thomas-leroy',
    displayName: 'Thomas Leroy',
    bio: 'Support technique de la plateforme partenaires.',
    core: false,
    joined: { [PARTNERS]: 298 },
  },
];

/** Bio templates (see fill.ts) for volunteers and for partners' staff. */
export const VOLUNTEER_BIOS = [
  'Bénévole sur {mission} à {city} depuis {n} ans.',
  'À la retraite, je donne deux après-midi par semaine pour {mission}.',
  'En service civique pour un an : {mission} et beaucoup de bonne humeur.',
  'Compétences : {skill}. Disponible surtout le {weekday}.',
  'Parent de deux enfants, bénévole le {weekday} pour {mission}.',
  "Je coordonne les bénévoles de l'antenne {de:city}.",
  'Je découvre le bénévolat : merci pour votre accueil !',
  "J'aime {skill}, les jeux de société et la randonnée.",
  'Côté pro : {skill}. Côté asso : {mission}.',
  "J'habite {city} et j'aide pour {mission} quand je peux.",
] as const;

export const PARTNER_BIOS = [
  'Mission RSE chez {partner}.',
  'Responsable mécénat chez {partner}.',
  'Service vie associative, ville {de:city}.',
  'Je coordonne la journée solidaire {de:partner}.',
  'Comptabilité et conventions chez {partner}.',
] as const;
