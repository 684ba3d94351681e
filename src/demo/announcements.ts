import {
  createAnnouncement,
  localOf,
  publishOne,
  requireCalendar,
} from '../announcements/index.js';
import { now, type Store } from '../db/index.js';
import type { Viewer } from '../http/index.js';
import type { Voice } from '../teams/index.js';

const DAY = 86_400_000;

/** What the demo's calendar holds: when (days from now, Paris hour), as whom, pinned how long. */
const planned: {
  title: string;
  body: string;
  inDays: number | null;
  hour: number;
  asTeam: boolean;
  pinDays: number;
}[] = [
  {
    title: 'Permanences de fin d’année : les horaires',
    body: 'Les permanences d’écoute restent ouvertes pendant les fêtes, avec des horaires réduits du 24 décembre au 2 janvier. Le planning détaillé est dans le groupe « Coordination des référents » ; si vous pouvez tenir un créneau, dites-le en réponse ici.',
    inDays: 0,
    hour: 0,
    asTeam: true,
    pinDays: 10,
  },
  {
    title: 'Réunion d’accueil des nouveaux bénévoles',
    body: 'Vous nous avez rejoints ces dernières semaines ? Retrouvons-nous en visio pour une heure de présentation du Réseau, de ses groupes et de ses outils, et pour répondre à toutes vos questions. Le lien sera envoyé la veille.',
    inDays: 3,
    hour: 18,
    asTeam: true,
    pinDays: 3,
  },
  {
    title: 'Formation « Écoute active » : les inscriptions sont ouvertes',
    body: 'Deux demi-journées pour apprendre à accueillir une parole difficile, avec une psychologue de l’association. Douze places, priorité aux bénévoles des permanences d’écoute.',
    inDays: 8,
    hour: 10,
    asTeam: false,
    pinDays: 7,
  },
  {
    title: 'Bilan de la collecte d’hiver',
    body: 'Merci à toutes et à tous : voici ce que la collecte a permis cette année, antenne par antenne, et ce qui nous attend au printemps.',
    inDays: 15,
    hour: 9,
    asTeam: true,
    pinDays: 0,
  },
  {
    title: 'Appel à bénévoles pour la fête des voisins',
    body: 'Brouillon : préciser la date et les antennes concernées avant de programmer.',
    inDays: null,
    hour: 0,
    asTeam: false,
    pinDays: 0,
  },
];

/**
 * The demo's editorial calendar: an announcement that went out just now and is pinned on the
 * community's home, three scheduled in the coming weeks (as the team or as the animator), and a
 * draft. Written and published through the announcements feature, as the animator would.
 */
export async function seedAnnouncements(
  store: Store,
  animator: Viewer,
  communityId: number,
  team: Voice | undefined,
): Promise<void> {
  const access = await requireCalendar(store, animator, { id: communityId });
  const zone = access.community.time_zone;
  const at = now();
  for (const a of planned) {
    // The one that goes out now is scheduled a few minutes ahead, then published at that time.
    const soon = at + 5 * 60_000;
    const scheduleAt =
      a.inDays === null
        ? null
        : a.inDays === 0
          ? localOf(soon, zone)
          : `${localOf(at + a.inDays * DAY, zone).slice(0, 10)}T${String(a.hour).padStart(2, '0')}:00`;
    const row = await createAnnouncement(store, animator, access, {
      title: a.title,
      body: a.body,
      groupId: null,
      asTeam: a.asTeam && team ? team.teamId : null,
      scheduleAt,
      pinDays: a.pinDays,
    });
    if (a.inDays === 0) await publishOne(store, Number(row.id), soon);
  }
}
