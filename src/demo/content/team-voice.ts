import type { DemoCommunity } from './types.js';

/** The team voice of the demo's main community, spoken by two of its animators. */
export const TEAM_NAME = 'L’équipe du Réseau';

/** Who speaks: the team (as one of its animators, by handle) or a member. */
export type Speaker = { team: string } | { handle: string };

export interface TeamThread {
  title: string;
  body: string;
  by: Speaker;
  at: number;
  replies: { by: Speaker; body: string; at: number }[];
}

export interface TeamConversation {
  member: string;
  messages: { by: Speaker; body: string; at: number }[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * What the team said in the last days: a topic of the team answered twice by it, and a member's
 * private question to the team, answered. Its members are the community's regulars by seniority.
 */
export function draftTeamVoice(
  now: number,
  community: DemoCommunity,
  animators: [string, string],
): { thread: TeamThread; conversation: TeamConversation } | undefined {
  const joined = community.memberships
    .filter((m) => m.role === 'member')
    .sort((a, b) => a.joinedAt - b.joinedAt)
    .map((m) => m.handle);
  const [a, b, , , , f] = joined;
  if (!a || !b || !f) return undefined;
  const [first, second] = animators;
  const at = (daysAgo: number, hours = 0) => now - daysAgo * DAY + hours * HOUR;
  return {
    thread: {
      title: 'Les permanences d’accueil reprennent en septembre',
      body: 'Bonjour à toutes et à tous,\n\nles permanences d’accueil des nouveaux bénévoles reprennent le premier samedi de septembre, de 10 h à 12 h, à la maison des associations. Vous pouvez venir sans inscription, seul ou avec un ami qui hésite à se lancer.\n\nVous voulez tenir une permanence avec nous ? Dites-le en réponse : on s’organise ici.',
      by: { team: first },
      at: at(6, 2),
      replies: [
        {
          by: { handle: a },
          body: 'Je peux en tenir une en octobre. Faut-il prévoir quelque chose à distribuer ?',
          at: at(5, 4),
        },
        {
          by: { team: second },
          body: 'Merci ! Nous préparons une pochette d’accueil (le guide du bénévole et la liste des missions) : vous la trouverez sur place. On vous inscrit pour le 5 octobre.',
          at: at(5, 7),
        },
        {
          by: { handle: b },
          body: 'Même chose pour moi en novembre, si la date vous convient.',
          at: at(4, 3),
        },
        {
          by: { team: first },
          body: 'C’est noté pour le 2 novembre, merci beaucoup. Le planning complet sera épinglé ici la semaine prochaine.',
          at: at(4, 5),
        },
      ],
    },
    conversation: {
      member: f,
      messages: [
        {
          by: { handle: f },
          body: 'Bonjour l’équipe, je ne retrouve plus mon attestation de bénévolat de l’an dernier. Est-ce que vous pourriez me la renvoyer ?',
          at: at(2, 3),
        },
        {
          by: { team: second },
          body: 'Bonjour, bien sûr : elle part aujourd’hui par courriel. Pour cette année, vous pourrez la télécharger vous-même depuis votre profil à partir de janvier.',
          at: at(1, 4),
        },
      ],
    },
  };
}
