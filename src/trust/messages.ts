import { defineMessages } from '../i18n/index.js';

const waitFr =
  '{hours, plural, =0 {{minutes, plural, one {# minute} other {# minutes}}} one {# heure} other {# heures}}';
const waitEn =
  '{hours, plural, =0 {{minutes, plural, one {# minute} other {# minutes}}} one {# hour} other {# hours}}';

export const trustMessages = defineMessages({
  fr: {
    'trust.level.0': 'Nouveau',
    'trust.level.1': 'Initié',
    'trust.level.2': 'Membre',
    'trust.level.3': 'Habitué',
    'trust.level.4': 'Pilier',
    'trust.error.noLinks':
      'Les nouveaux comptes ne mettent pas encore de lien dans leurs messages (niveau de confiance « Nouveau »). Retirez le lien pour publier : cette limite tombe d’elle-même après quelques lectures dans les communautés.',
    'trust.error.noImages':
      'Les nouveaux comptes ne mettent pas encore d’image dans leurs messages (niveau de confiance « Nouveau »). Retirez l’image pour publier : cette limite tombe d’elle-même après quelques lectures dans les communautés.',
    'trust.error.tooSoon':
      'Un compte récent laisse un peu de temps entre deux messages : vous pourrez publier dans {seconds, plural, one {# seconde} other {# secondes}}. Votre texte est gardé.',
    'trust.error.dailyPosts': `À votre niveau de confiance, on publie au plus {max, plural, one {# message} other {# messages}} en 24 heures : vous pourrez publier de nouveau dans ${waitFr}.`,
    'trust.error.dailyFlags': `À votre niveau de confiance, on signale au plus {max, plural, one {# contenu} other {# contenus}} en 24 heures : vous pourrez signaler de nouveau dans ${waitFr}.`,
    'trust.error.level': 'Le niveau de confiance va de 0 (Nouveau) à 4 (Pilier).',
    'trust.rule.visitDays': '{need, plural, one {Venir # jour} other {Venir # jours différents}}',
    'trust.rule.views': '{need, plural, one {Ouvrir # sujet} other {Ouvrir # sujets}}',
    'trust.rule.topicsEntered':
      '{need, plural, one {Lire # sujet différent} other {Lire # sujets différents}}',
    'trust.rule.topicsReplied':
      '{need, plural, one {Répondre dans # sujet} other {Répondre dans # sujets différents}}',
    'trust.rule.replies': '{need, plural, one {Écrire # réponse} other {Écrire # réponses}}',
    'trust.rule.reactionsGiven':
      '{need, plural, one {Donner # réaction} other {Donner # réactions}}',
    'trust.rule.reactionsReceived':
      '{need, plural, one {Recevoir # réaction} other {Recevoir # réactions}}',
    'trust.page.title': 'Votre niveau de confiance',
    'trust.page.intro':
      'Le niveau de confiance grandit tout seul avec le temps passé à lire et à participer ; il assouplit les limites des nouveaux comptes. Il est recalculé toutes les dix minutes.',
    'trust.page.current': 'Votre niveau : {name} ({level})',
    'trust.page.locked': 'Ce niveau a été fixé par l’équipe du site.',
    'trust.page.next': 'Pour passer au niveau {name}',
    'trust.page.windowed': 'sur les 100 derniers jours',
    'trust.page.progress': '{have} sur {need}',
    'trust.page.top': 'Aucun niveau de plus ne se gagne automatiquement.',
    'trust.page.limits': 'Ce que votre niveau permet',
    'trust.limit.links': 'Liens et images dans les messages',
    'trust.limit.postsPerDay': 'Messages par 24 heures',
    'trust.limit.secondsBetweenPosts': 'Délai entre deux messages (secondes)',
    'trust.limit.messagesPerDay': 'Messages privés par 24 heures',
    'trust.limit.flagsPerDay': 'Signalements par 24 heures',
    'trust.limit.none': 'sans limite',
    'trust.limit.yes': 'oui',
    'trust.limit.no': 'pas encore',
    'trust.admin.title': 'Niveau de confiance de {name}',
    'trust.admin.intro':
      'Fixez un niveau à la main. Verrouillé, il ne bouge plus ; sinon le calcul automatique peut le relever quand il est gagné.',
    'trust.admin.setBy': 'Fixé par @{handle}',
    'trust.admin.save': 'Enregistrer',
    'trust.admin.saved': 'Niveau enregistré.',
    'field.locked': 'Verrouillé',
    'field.trustLevel': 'Niveau de confiance',
  },
  en: {
    'trust.level.0': 'New',
    'trust.level.1': 'Basic',
    'trust.level.2': 'Member',
    'trust.level.3': 'Regular',
    'trust.level.4': 'Leader',
    'trust.error.noLinks':
      'New accounts cannot put links in their posts yet (trust level “New”). Remove the link to post: this limit lifts by itself after some reading in the communities.',
    'trust.error.noImages':
      'New accounts cannot put images in their posts yet (trust level “New”). Remove the image to post: this limit lifts by itself after some reading in the communities.',
    'trust.error.tooSoon':
      'A new account leaves a little time between two posts: you can post in {seconds, plural, one {# second} other {# seconds}}. Your text is kept.',
    'trust.error.dailyPosts': `At your trust level, you post at most {max, plural, one {# post} other {# posts}} in 24 hours: you can post again in ${waitEn}.`,
    'trust.error.dailyFlags': `At your trust level, you flag at most {max, plural, one {# item} other {# items}} in 24 hours: you can flag again in ${waitEn}.`,
    'trust.error.level': 'A trust level goes from 0 (New) to 4 (Leader).',
    'trust.rule.visitDays':
      '{need, plural, one {Visit on # day} other {Visit on # different days}}',
    'trust.rule.views': '{need, plural, one {Open # topic} other {Open # topics}}',
    'trust.rule.topicsEntered':
      '{need, plural, one {Read # different topic} other {Read # different topics}}',
    'trust.rule.topicsReplied':
      '{need, plural, one {Reply in # topic} other {Reply in # different topics}}',
    'trust.rule.replies': '{need, plural, one {Write # reply} other {Write # replies}}',
    'trust.rule.reactionsGiven': '{need, plural, one {Give # reaction} other {Give # reactions}}',
    'trust.rule.reactionsReceived':
      '{need, plural, one {Receive # reaction} other {Receive # reactions}}',
    'trust.page.title': 'Your trust level',
    'trust.page.intro':
      'Your trust level grows by itself with time spent reading and taking part; it relaxes the limits on new accounts. It is worked out again every ten minutes.',
    'trust.page.current': 'Your level: {name} ({level})',
    'trust.page.locked': 'This level was set by the site’s team.',
    'trust.page.next': 'To reach {name}',
    'trust.page.windowed': 'over the last 100 days',
    'trust.page.progress': '{have} of {need}',
    'trust.page.top': 'No further level is earned automatically.',
    'trust.page.limits': 'What your level allows',
    'trust.limit.links': 'Links and images in posts',
    'trust.limit.postsPerDay': 'Posts in 24 hours',
    'trust.limit.secondsBetweenPosts': 'Time between two posts (seconds)',
    'trust.limit.messagesPerDay': 'Private messages in 24 hours',
    'trust.limit.flagsPerDay': 'Flags in 24 hours',
    'trust.limit.none': 'no limit',
    'trust.limit.yes': 'yes',
    'trust.limit.no': 'not yet',
    'trust.admin.title': 'Trust level of {name}',
    'trust.admin.intro':
      'Set a level by hand. Locked, it stays as it is; otherwise the automatic calculation may raise it when it is earned.',
    'trust.admin.setBy': 'Set by @{handle}',
    'trust.admin.save': 'Save',
    'trust.admin.saved': 'Level saved.',
    'field.locked': 'Locked',
    'field.trustLevel': 'Trust level',
  },
});
