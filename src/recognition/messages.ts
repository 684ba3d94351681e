import { defineMessages } from '../i18n/index.js';
import { badges } from './badges.js';

// Each badge's name and description come from its one definition (badges.ts).
const badgeWords = (locale: 'fr' | 'en') =>
  Object.fromEntries(
    badges.flatMap((b) => [
      [`recognition.badge.${b.id}.name`, b[locale].name],
      [`recognition.badge.${b.id}.description`, b[locale].description],
    ]),
  );

const fr = {
  'recognition.badges.title': 'Badges de {community}',
  'recognition.badges.intro':
    'Les badges remercient les gestes qui font vivre la communauté : répondre, aider, accueillir. Ils sont décernés automatiquement, une fois par heure.',
  'recognition.badges.earned': 'Obtenu le {date}',
  'recognition.badges.notYet': 'Pas encore obtenu',
  'recognition.badges.yours':
    'Vos badges ici : {count, plural, =0 {aucun pour l’instant} one {un badge} other {# badges}}.',
  'recognition.profile.title': 'Badges',
  'recognition.profile.in': 'Dans {community}',
  'recognition.profile.none': 'Pas encore de badge.',
  'recognition.spotlight.title': 'À l’honneur',
  'recognition.spotlight.heading': '{name}, à l’honneur',
  'recognition.spotlight.until': 'À l’honneur jusqu’au {date}',
  'recognition.spotlight.profile': 'Voir le profil de {name}',
  'recognition.spotlight.proposal.title': 'Un portrait de vous dans {community}',
  'recognition.spotlight.proposal.intro':
    '{name} aimerait mettre ce portrait de vous à l’honneur sur l’accueil de « {community} » jusqu’au {date}. Il ne sera montré que si vous l’acceptez.',
  'recognition.spotlight.accept': 'J’accepte',
  'recognition.spotlight.decline': 'Non merci',
  'recognition.spotlight.accepted':
    'Vous avez accepté : ce portrait est à l’honneur jusqu’au {date}.',
  'recognition.spotlight.declined': 'Vous avez décliné : ce portrait ne sera pas montré.',
  'recognition.spotlight.waiting': 'En attente de la réponse de {name}.',
  'recognition.admin.title': 'Reconnaissance dans {community}',
  'recognition.admin.spotlight.title': 'Mettre un membre à l’honneur',
  'recognition.admin.spotlight.intro':
    'Écrivez un court portrait. Le membre le lira et devra l’accepter avant qu’il soit épinglé sur l’accueil de la communauté.',
  'recognition.admin.spotlight.handle': 'Identifiant du membre',
  'recognition.admin.spotlight.handleHint': 'Son identifiant, sans le @ (par exemple julie).',
  'recognition.admin.spotlight.portrait': 'Portrait',
  'recognition.admin.spotlight.portraitHint': 'Quelques lignes, 1 000 caractères au plus.',
  'recognition.admin.spotlight.until': 'À l’honneur jusqu’au',
  'recognition.admin.spotlight.untilHint': 'Une date dans les 90 prochains jours.',
  'recognition.admin.spotlight.submit': 'Proposer ce portrait au membre',
  'recognition.admin.leaderboard.title': 'Classement',
  'recognition.admin.leaderboard.intro':
    'Un classement met les membres en compétition ; beaucoup de communautés s’en passent. Désactivé, aucune page ni API ne montre de classement.',
  'recognition.admin.leaderboard.on': 'Montrer un classement des membres',
  'recognition.admin.leaderboard.submit': 'Enregistrer',
  'recognition.admin.leaderboard.link': 'Voir le classement',
  'recognition.flash.proposed': 'Portrait proposé : le membre a été prévenu.',
  'recognition.flash.leaderboard': 'Réglage du classement enregistré.',
  'recognition.flash.accepted': 'Merci ! Votre portrait est à l’honneur.',
  'recognition.flash.declined': 'C’est noté : votre portrait ne sera pas montré.',
  'recognition.leaderboard.title': 'Classement de {community}',
  'recognition.leaderboard.intro':
    'Les membres qui ont obtenu des badges ou dont les réponses ont été acceptées {days, plural, one {depuis hier} other {ces # derniers jours}}.',
  'recognition.leaderboard.member': 'Membre',
  'recognition.leaderboard.badges': 'Badges',
  'recognition.leaderboard.accepted': 'Réponses acceptées',
  'recognition.leaderboard.rank': 'Rang',
  'recognition.leaderboard.empty': 'Personne pour l’instant sur cette période.',
  'recognition.error.member': 'Aucun membre de cette communauté n’a cet identifiant.',
  'recognition.error.portrait': 'Écrivez un portrait de 1 000 caractères au plus.',
  'recognition.error.until': 'Choisissez une date à venir, dans les 90 prochains jours.',
  'recognition.error.answered': 'Vous avez déjà répondu à cette proposition.',
  'recognition.nav.badges': 'Badges',
  'recognition.nav.admin': 'Reconnaissance',
  // The labels of this feature's API fields, named in input errors.
  'field.badges': 'Badges',
  'field.enabled': 'Classement activé',
  'field.members': 'Membres',
  'field.member': 'Membre',
  'field.portrait': 'Portrait',
  'field.until': 'À l’honneur jusqu’au',
  'field.spotlight': 'Mise à l’honneur',
};

const en: Record<keyof typeof fr, string> = {
  'recognition.badges.title': 'Badges of {community}',
  'recognition.badges.intro':
    'Badges thank what keeps the community alive: replying, helping, welcoming. They are given automatically, once an hour.',
  'recognition.badges.earned': 'Earned on {date}',
  'recognition.badges.notYet': 'Not earned yet',
  'recognition.badges.yours':
    'Your badges here: {count, plural, =0 {none yet} one {one badge} other {# badges}}.',
  'recognition.profile.title': 'Badges',
  'recognition.profile.in': 'In {community}',
  'recognition.profile.none': 'No badge yet.',
  'recognition.spotlight.title': 'In the spotlight',
  'recognition.spotlight.heading': '{name}, in the spotlight',
  'recognition.spotlight.until': 'In the spotlight until {date}',
  'recognition.spotlight.profile': 'See {name}’s profile',
  'recognition.spotlight.proposal.title': 'A portrait of you in {community}',
  'recognition.spotlight.proposal.intro':
    '{name} would like to put this portrait of you in the spotlight on the home of “{community}” until {date}. It is shown only if you accept.',
  'recognition.spotlight.accept': 'I accept',
  'recognition.spotlight.decline': 'No, thank you',
  'recognition.spotlight.accepted': 'You accepted: this portrait is in the spotlight until {date}.',
  'recognition.spotlight.declined': 'You declined: this portrait will not be shown.',
  'recognition.spotlight.waiting': 'Waiting for {name}’s answer.',
  'recognition.admin.title': 'Recognition in {community}',
  'recognition.admin.spotlight.title': 'Put a member in the spotlight',
  'recognition.admin.spotlight.intro':
    'Write a short portrait. The member reads it and must accept it before it is pinned on the community’s home.',
  'recognition.admin.spotlight.handle': 'Member’s handle',
  'recognition.admin.spotlight.handleHint': 'Their handle, without the @ (for example julie).',
  'recognition.admin.spotlight.portrait': 'Portrait',
  'recognition.admin.spotlight.portraitHint': 'A few lines, 1,000 characters at most.',
  'recognition.admin.spotlight.until': 'In the spotlight until',
  'recognition.admin.spotlight.untilHint': 'A date within the next 90 days.',
  'recognition.admin.spotlight.submit': 'Propose this portrait to the member',
  'recognition.admin.leaderboard.title': 'Leaderboard',
  'recognition.admin.leaderboard.intro':
    'A leaderboard makes members compete; many communities do without. Off, no page or API shows a ranking.',
  'recognition.admin.leaderboard.on': 'Show a leaderboard of members',
  'recognition.admin.leaderboard.submit': 'Save',
  'recognition.admin.leaderboard.link': 'See the leaderboard',
  'recognition.flash.proposed': 'Portrait proposed: the member was notified.',
  'recognition.flash.leaderboard': 'Leaderboard setting saved.',
  'recognition.flash.accepted': 'Thank you! Your portrait is in the spotlight.',
  'recognition.flash.declined': 'Noted: your portrait will not be shown.',
  'recognition.leaderboard.title': 'Leaderboard of {community}',
  'recognition.leaderboard.intro':
    'Members who earned badges or whose answers were accepted {days, plural, one {since yesterday} other {in the last # days}}.',
  'recognition.leaderboard.member': 'Member',
  'recognition.leaderboard.badges': 'Badges',
  'recognition.leaderboard.accepted': 'Accepted answers',
  'recognition.leaderboard.rank': 'Rank',
  'recognition.leaderboard.empty': 'Nobody yet in this period.',
  'recognition.error.member': 'No member of this community has this handle.',
  'recognition.error.portrait': 'Write a portrait of 1,000 characters at most.',
  'recognition.error.until': 'Choose a date to come, within the next 90 days.',
  'recognition.error.answered': 'You already answered this proposal.',
  'recognition.nav.badges': 'Badges',
  'recognition.nav.admin': 'Recognition',
  'field.badges': 'Badges',
  'field.enabled': 'Leaderboard on',
  'field.members': 'Members',
  'field.member': 'Member',
  'field.portrait': 'Portrait',
  'field.until': 'In the spotlight until',
  'field.spotlight': 'Spotlight',
};

export const recognitionMessages = defineMessages({
  fr: { ...fr, ...badgeWords('fr') },
  en: { ...en, ...badgeWords('en') },
});
