import type { DemoCommunity, DemoMember } from './types.js';

/** A private conversation of the demo: who is in it, what was said, who has not read it yet. */
export interface DemoConversation {
  handles: string[];
  messages: { handle: string; body: string; at: number }[];
  unreadFor: string[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A few private conversations of the last days, the animator's among them: a welcome answered,
 * a question waiting for her, a small team preparing an event, and two members between
 * themselves. Their people are the main community's members, first by seniority.
 */
export function draftConversations(
  now: number,
  community: DemoCommunity,
  members: DemoMember[],
  animator: string,
): DemoConversation[] {
  const joined = community.memberships
    .filter((m) => m.role === 'member')
    .sort((a, b) => a.joinedAt - b.joinedAt);
  const newest = joined.at(-1)?.handle;
  const [a, b, c, d, e] = joined.map((m) => m.handle);
  if (!newest || !a || !b || !c || !d || !e) return [];
  const first = (handle: string) =>
    members.find((m) => m.handle === handle)?.displayName.split(' ')[0] ?? handle;
  const at = (daysAgo: number, hours = 0) => now - daysAgo * DAY + hours * HOUR;
  return [
    {
      handles: [animator, newest],
      messages: [
        {
          handle: animator,
          body: `Bonjour ${first(newest)}, et bienvenue au Réseau ! Je suis Camille, j’anime la communauté. Si vous cherchez par où commencer, le groupe « Accueil des nouveaux » est fait pour ça, et n’hésitez pas à me poser vos questions ici.`,
          at: at(3, 2),
        },
        {
          handle: newest,
          body: 'Merci beaucoup ! Je cherche une mission de quelques heures par mois, plutôt le week-end. Est-ce qu’il y a des associations qui recrutent en ce moment ?',
          at: at(3, 5),
        },
        {
          handle: animator,
          body: `Oui, plusieurs ! Le groupe « Événements Lyon » cherche du monde pour ses prochains rendez-vous, et je vous présente ${first(a)}, qui coordonne les bénévoles du samedi : je lui ai dit que vous passeriez.`,
          at: at(2, 1),
        },
      ],
      unreadFor: [newest],
    },
    {
      handles: [a, animator],
      messages: [
        {
          handle: a,
          body: 'Bonjour Camille, pour la réunion d’information du mois prochain, peut-on réserver la grande salle de la maison des associations ? Il faudrait prévoir une trentaine de personnes.',
          at: at(1, 3),
        },
      ],
      unreadFor: [animator],
    },
    {
      handles: [animator, b, c, d],
      messages: [
        {
          handle: animator,
          body: 'Bonjour à tous les trois ! Le forum des associations approche : qui peut tenir le stand samedi matin, et qui l’après-midi ?',
          at: at(4, 1),
        },
        { handle: b, body: 'Je prends le matin, de 9 h à 13 h.', at: at(4, 3) },
        {
          handle: c,
          body: 'L’après-midi pour moi. J’apporte les flyers et la banderole.',
          at: at(4, 6),
        },
        {
          handle: d,
          body: 'Je peux faire la fin de journée et aider à ranger.',
          at: at(3, 1),
        },
      ],
      unreadFor: [b],
    },
    {
      handles: [e, c],
      messages: [
        {
          handle: e,
          body: `Salut ${first(c)}, tu aurais le contact de la personne qui s’occupe des formations aux premiers secours ?`,
          at: at(2, 4),
        },
        {
          handle: c,
          body: 'Oui, je te l’envoie ce soir. Elle organise une session en février, il reste des places.',
          at: at(2, 7),
        },
      ],
      unreadFor: [],
    },
  ];
}
