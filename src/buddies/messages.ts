import { defineMessages } from '../i18n/index.js';

const fr = {
  'buddies.title': 'Marraines et parrains de {community}',
  'buddies.intro':
    'Une marraine ou un parrain accompagne un nouveau membre dans ses premières semaines : répondre à ses questions, lui indiquer les bons groupes, lui faire signe quand il écrit pour la première fois. Les animateurs vous présentent aux nouveaux membres qui partagent vos centres d’intérêt.',
  'buddies.status.on': 'Vous êtes volontaire pour accompagner les nouveaux membres.',
  'buddies.status.off': 'Vous n’êtes pas volontaire pour le moment.',
  'buddies.volunteer': 'Devenir marraine ou parrain',
  'buddies.withdraw': 'Ne plus être volontaire',
  'buddies.withdrawHint': 'Les nouveaux membres que vous accompagnez déjà vous gardent.',
  'buddies.volunteers.title': 'Les volontaires',
  'buddies.volunteers.intro':
    'Seuls les volontaires qui ont participé {days, plural, one {ce dernier jour} other {ces # derniers jours}} (un message, une réponse, une réaction) sont proposés dans le formulaire d’accueil.',
  'buddies.volunteers.empty': 'Personne ne s’est encore porté volontaire.',
  'buddies.volunteers.member': 'Membre',
  'buddies.volunteers.since': 'Volontaire depuis',
  'buddies.volunteers.newcomers': 'Accompagne',
  'buddies.volunteers.lastActive': 'Dernière participation',
  'buddies.volunteers.never': 'Aucune',
  'buddies.volunteers.inactive': 'pas proposé·e pour l’instant',
  'buddies.newcomerCount':
    '{count, plural, =0 {aucun nouveau membre} one {# nouveau membre} other {# nouveaux membres}}',
  'buddies.flash.volunteered': 'Merci ! Vous êtes désormais volontaire.',
  'buddies.flash.withdrawn': 'Vous n’êtes plus volontaire.',
  'buddies.flash.assigned': '{buddy} accompagne désormais {newcomer}.',
  'buddies.choice.legend': 'Marraine ou parrain',
  'buddies.choice.hint':
    'Ruche propose les volontaires actifs ces derniers temps : ceux qui partagent les centres d’intérêt ou les groupes de {name} d’abord, puis ceux qui accompagnent le moins de nouveaux membres.',
  'buddies.choice.already':
    '{count, plural, =0 {{name} n’accompagne encore aucun nouveau membre} one {{name} accompagne déjà # nouveau membre} other {{name} accompagne déjà # nouveaux membres}}',
  'buddies.choice.interests': 'en commun : {words}',
  'buddies.choice.groups': '{count, plural, one {# groupe en commun} other {# groupes en commun}}',
  'buddies.choice.none': 'Pas de marraine ni de parrain pour l’instant',
  'buddies.choice.keep': 'Garder {name}',
  'buddies.choice.current': 'Marraine ou parrain actuel : {name}.',
  'buddies.choice.noVolunteers':
    'Aucun volontaire actif ne peut être proposé. Les membres se portent volontaires sur la page « Marraines et parrains » de la communauté.',
  'buddies.queue.buddy': 'Marraine ou parrain',
  'buddies.assign.title': 'Une marraine ou un parrain pour {name}',
  'buddies.assign.submit': 'Confirmer',
  'buddies.assign.back': 'Retour aux marraines et parrains',
  'buddies.queue.choose': 'Choisir une marraine ou un parrain pour {name}',
  'buddies.error.notABuddy':
    'Ce membre ne s’est pas porté volontaire comme marraine ou parrain dans cette communauté : choisissez parmi les volontaires.',
  'buddies.error.self':
    'Un nouveau membre ne peut pas être sa propre marraine ou son propre parrain.',
  'field.volunteering': 'Volontaire',
  'field.since': 'Depuis',
  'field.lastActiveAt': 'Dernière participation',
  'field.active': 'Actif',
  'field.activeDays': 'Jours d’activité pris en compte',
  'field.volunteers': 'Volontaires',
  'field.sharedInterests': 'Centres d’intérêt en commun',
  'field.sharedGroups': 'Groupes en commun',
  'field.buddy': 'Marraine ou parrain',
  'field.buddyId': 'Marraine ou parrain',
  'field.proposals': 'Propositions',
};

const en: typeof fr = {
  'buddies.title': 'Buddies of {community}',
  'buddies.intro':
    'A buddy walks a newcomer through their first weeks: answering their questions, pointing to the right groups, replying when they first post. The animators introduce you to newcomers who share your interests.',
  'buddies.status.on': 'You volunteer to be a buddy to newcomers.',
  'buddies.status.off': 'You do not volunteer for now.',
  'buddies.volunteer': 'Volunteer as a buddy',
  'buddies.withdraw': 'Stop volunteering',
  'buddies.withdrawHint': 'The newcomers you are already the buddy of keep you.',
  'buddies.volunteers.title': 'Volunteers',
  'buddies.volunteers.intro':
    'Only volunteers who took part {days, plural, one {in the last day} other {in the last # days}} (a post, a reply, a reaction) are proposed in the welcome form.',
  'buddies.volunteers.empty': 'Nobody has volunteered yet.',
  'buddies.volunteers.member': 'Member',
  'buddies.volunteers.since': 'Volunteer since',
  'buddies.volunteers.newcomers': 'Buddy of',
  'buddies.volunteers.lastActive': 'Last took part',
  'buddies.volunteers.never': 'Never',
  'buddies.volunteers.inactive': 'not proposed for now',
  'buddies.newcomerCount': '{count, plural, =0 {no newcomer} one {# newcomer} other {# newcomers}}',
  'buddies.flash.volunteered': 'Thank you! You now volunteer as a buddy.',
  'buddies.flash.withdrawn': 'You no longer volunteer as a buddy.',
  'buddies.flash.assigned': '{buddy} is now the buddy of {newcomer}.',
  'buddies.choice.legend': 'Buddy',
  'buddies.choice.hint':
    'Ruche proposes the volunteers active lately: those who share the interests or groups of {name} first, then those who are the buddy of the fewest newcomers.',
  'buddies.choice.already':
    '{count, plural, =0 {{name}, not yet the buddy of any newcomer} one {{name}, already the buddy of # newcomer} other {{name}, already the buddy of # newcomers}}',
  'buddies.choice.interests': 'in common: {words}',
  'buddies.choice.groups': '{count, plural, one {# group in common} other {# groups in common}}',
  'buddies.choice.none': 'No buddy for now',
  'buddies.choice.keep': 'Keep {name}',
  'buddies.choice.current': 'Current buddy: {name}.',
  'buddies.choice.noVolunteers':
    'No active volunteer can be proposed. Members volunteer on the community’s “Buddies” page.',
  'buddies.queue.buddy': 'Buddy',
  'buddies.assign.title': 'A buddy for {name}',
  'buddies.assign.submit': 'Confirm',
  'buddies.assign.back': 'Back to the buddies',
  'buddies.queue.choose': 'Choose a buddy for {name}',
  'buddies.error.notABuddy':
    'This member has not volunteered as a buddy in this community: choose among the volunteers.',
  'buddies.error.self': 'A newcomer cannot be their own buddy.',
  'field.volunteering': 'Volunteer',
  'field.since': 'Since',
  'field.lastActiveAt': 'Last took part',
  'field.active': 'Active',
  'field.activeDays': 'Days of activity counted',
  'field.volunteers': 'Volunteers',
  'field.sharedInterests': 'Interests in common',
  'field.sharedGroups': 'Groups in common',
  'field.buddy': 'Buddy',
  'field.buddyId': 'Buddy',
  'field.proposals': 'Proposals',
};

export const buddiesMessages = defineMessages({ fr, en });
