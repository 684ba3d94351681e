import { defineMessages } from '../i18n/index.js';

export const notificationsMessages = defineMessages({
  fr: {
    'notifications.title': 'Notifications',
    'notifications.empty':
      'Rien pour l’instant. Vous serez prévenu·e ici quand quelqu’un vous répond, vous mentionne ou vous remercie.',
    'notifications.unread':
      '{count, plural, =0 {Tout est lu.} one {# notification non lue} other {# notifications non lues}}',
    'notifications.isUnread': 'non lue',
    'notifications.markRead': 'Marquer comme lue',
    'notifications.markAllRead': 'Tout marquer comme lu',
    'notifications.newer': 'Notifications plus récentes',
    'notifications.older': 'Notifications plus anciennes',
    'notifications.pages': 'Pages des notifications',
    'notifications.preferencesLink': 'Choisir ce qui vous est notifié',
    'notifications.someone': 'Quelqu’un',
    'notifications.text.mention': '{name} vous a mentionné·e dans « {title} »',
    'notifications.text.topicReply':
      '{name} a répondu à votre {topicKind, select, question {question} announcement {annonce} other {discussion}} « {title} »',
    'notifications.text.replyReply': '{name} a répondu à votre message dans « {title} »',
    'notifications.text.thanksTopic':
      '{others, plural, =0 {{name} vous a remercié·e} one {{name} et une autre personne vous ont remercié·e} other {{name} et # autres personnes vous ont remercié·e}} pour « {title} »',
    'notifications.text.thanksReply':
      '{others, plural, =0 {{name} vous a remercié·e} one {{name} et une autre personne vous ont remercié·e} other {{name} et # autres personnes vous ont remercié·e}} pour votre réponse dans « {title} »',
    'notifications.text.accepted': '{name} a accepté votre réponse à la question « {title} »',
    'notifications.text.message':
      '{others, plural, =0 {{name} vous a envoyé un message privé} one {{name} et une autre personne vous ont écrit} other {{name} et # autres personnes vous ont écrit}}',
    'notifications.text.approvedCommunity':
      'Votre demande pour rejoindre « {place} » est acceptée : bienvenue !',
    'notifications.text.approvedGroup':
      'Votre demande pour rejoindre le groupe « {place} » est acceptée : bienvenue !',
    'notifications.text.invited': '{name} vous invite à rejoindre « {place} »',
    'notifications.text.watchedTopic':
      '{topicKind, select, question {Nouvelle question} announcement {Nouvelle annonce} other {Nouvelle discussion}} de {name} dans {place} : « {title} »',
    'notifications.text.watchedReply': '{name} a répondu dans « {title} »',
    'notifications.text.announcement': 'Annonce de {name} dans {place} : « {title} »',
    'notifications.text.badge': 'Vous avez reçu le badge « {badge} » dans « {place} »',
    'notifications.text.buddyAssigned':
      '{name} vient d’arriver dans « {place} » et vous êtes sa marraine ou son parrain : passez lui dire bonjour !',
    'notifications.text.buddyIntroduced':
      '{name} sera votre marraine ou votre parrain dans « {place} » : n’hésitez pas à lui poser vos questions.',
    'notifications.text.spotlight':
      '{name} aimerait vous mettre à l’honneur dans « {place} » : acceptez-vous ?',
    'notifications.text.crisisCommunity':
      '{automatic, select, yes {Le mode crise a démarré de lui-même} other {{name} a démarré le mode crise}} dans toute la communauté {place}',
    'notifications.text.crisisTopic':
      '{automatic, select, yes {Le mode crise a démarré de lui-même} other {{name} a démarré le mode crise}} sur « {title} » ({place})',
    'notifications.text.firstPostUnanswered':
      'Personne n’a encore répondu au premier message de {name} dans « {place} » : « {title} »',
    'notifications.kind.mention': 'Quelqu’un vous mentionne',
    'notifications.kind.topic_reply': 'Une réponse à l’une de vos conversations',
    'notifications.kind.reply_reply': 'Une réponse à l’un de vos messages',
    'notifications.kind.thanks': 'Des « Merci » pour vos messages',
    'notifications.kind.answer_accepted': 'Votre réponse est acceptée',
    'notifications.kind.message': 'Un message privé pour vous',
    'notifications.kind.request_approved': 'Votre demande pour rejoindre est acceptée',
    'notifications.kind.invited': 'Une invitation à rejoindre une communauté',
    'notifications.kind.watched_topic': 'Une nouvelle conversation dans un groupe que vous suivez',
    'notifications.kind.announcement': 'Une annonce des animateurs d’une de vos communautés',
    'notifications.kind.watched_reply': 'Une nouvelle réponse dans ce que vous suivez',
    'notifications.kind.badge_awarded': 'Vous recevez un badge',
    'notifications.kind.spotlight_proposed': 'On aimerait vous mettre à l’honneur',
    'notifications.kind.buddy_assigned': 'Un nouveau membre vous est confié',
    'notifications.kind.buddy_introduced': 'On vous présente votre marraine ou parrain',
    'notifications.kind.first_post_unanswered':
      'Le premier message d’un nouveau membre attend une réponse',
    'notifications.kind.crisis_started': 'Le mode crise démarre dans une de vos communautés',
    'notifications.preferences.title': 'Préférences de notification',
    'notifications.preferences.intro':
      'Pour chaque sorte de notification, choisissez de la recevoir sur le site, par e-mail, les deux, ou pas du tout.',
    'notifications.preferences.inApp': 'Sur le site',
    'notifications.preferences.email': 'Par e-mail',
    'notifications.preferences.submit': 'Enregistrer mes préférences',
    'notifications.preferences.back': 'Revenir aux notifications',
    'notifications.watch.topic': 'Notifications de cette conversation',
    'notifications.watch.group': 'Notifications de ce groupe',
    'notifications.watch.topic.watching': 'Suivre : chaque nouvelle réponse',
    'notifications.watch.topic.normal': 'Normal : les réponses à vos messages et les mentions',
    'notifications.watch.topic.muted':
      'Silence : rien de cette conversation, pas même les mentions',
    'notifications.watch.group.watching': 'Suivre : chaque nouvelle conversation et chaque réponse',
    'notifications.watch.group.normal': 'Normal : les réponses à vos messages et les mentions',
    'notifications.watch.group.muted': 'Silence : rien de ce groupe, pas même les mentions',
    'notifications.watch.viaGroup': 'Pour l’instant, le réglage de son groupe s’applique.',
    'notifications.watch.submit': 'Enregistrer',
    'notifications.flash.read': 'Notification marquée comme lue.',
    'notifications.flash.allRead': 'Toutes vos notifications sont marquées comme lues.',
    'notifications.flash.preferences': 'Vos préférences de notification sont enregistrées.',
    'notifications.flash.watching': 'Réglage des notifications enregistré.',
    'notifications.error.notFound': 'Cette notification n’existe pas, ou elle n’est pas à vous.',
    'notifications.email.hello': 'Bonjour {name}, voici ce qui s’est passé pendant votre absence.',
    'notifications.email.more':
      '{first}, et {others, plural, one {une autre nouvelle} other {# autres nouvelles}}',
    'notifications.email.open': 'Voir toutes vos notifications',
    'notifications.email.openConversation': 'Lire la conversation',
    'notifications.email.reason':
      'Vous recevez cet e-mail parce que vous avez choisi de recevoir {what}.',
    'notifications.email.list.mention': 'les e-mails quand quelqu’un vous mentionne',
    'notifications.email.list.topic_reply':
      'les e-mails quand quelqu’un répond à l’une de vos conversations',
    'notifications.email.list.reply_reply':
      'les e-mails quand quelqu’un répond à l’un de vos messages',
    'notifications.email.list.thanks': 'les e-mails quand on vous dit « Merci »',
    'notifications.email.list.answer_accepted': 'les e-mails quand votre réponse est acceptée',
    'notifications.email.list.message': 'les e-mails quand vous recevez un message privé',
    'notifications.email.list.request_approved':
      'les e-mails quand votre demande pour rejoindre est acceptée',
    'notifications.email.list.invited':
      'les e-mails quand on vous invite à rejoindre une communauté',
    'notifications.email.list.watched_topic':
      'les e-mails pour chaque nouvelle conversation des groupes que vous suivez',
    'notifications.email.list.watched_reply':
      'les e-mails pour chaque nouvelle réponse dans ce que vous suivez',
    'notifications.email.list.announcement': 'les e-mails pour les annonces de vos communautés',
    'notifications.email.list.badge_awarded': 'les e-mails quand vous recevez un badge',
    'notifications.email.list.buddy_assigned':
      'les e-mails quand un nouveau membre vous est confié',
    'notifications.email.list.buddy_introduced':
      'les e-mails qui vous présentent votre marraine ou parrain',
    'notifications.email.list.spotlight_proposed':
      'les e-mails quand on aimerait vous mettre à l’honneur',
    'notifications.email.list.first_post_unanswered':
      'les e-mails quand le premier message d’un nouveau membre attend une réponse',
    'notifications.email.list.crisis_started': 'les e-mails quand le mode crise démarre',
  },
  en: {
    'notifications.title': 'Notifications',
    'notifications.empty':
      'Nothing yet. You will find here when someone replies to you, mentions you or thanks you.',
    'notifications.unread':
      '{count, plural, =0 {All read.} one {# unread notification} other {# unread notifications}}',
    'notifications.isUnread': 'unread',
    'notifications.markRead': 'Mark as read',
    'notifications.markAllRead': 'Mark all as read',
    'notifications.newer': 'Newer notifications',
    'notifications.older': 'Older notifications',
    'notifications.pages': 'Pages of notifications',
    'notifications.preferencesLink': 'Choose what you are notified of',
    'notifications.someone': 'Someone',
    'notifications.text.mention': '{name} mentioned you in “{title}”',
    'notifications.text.topicReply':
      '{name} {topicKind, select, question {answered your question} announcement {replied to your announcement} other {replied to your discussion}} “{title}”',
    'notifications.text.replyReply': '{name} replied to your post in “{title}”',
    'notifications.text.thanksTopic':
      '{others, plural, =0 {{name} thanked you} one {{name} and one other person thanked you} other {{name} and # other people thanked you}} for “{title}”',
    'notifications.text.thanksReply':
      '{others, plural, =0 {{name} thanked you} one {{name} and one other person thanked you} other {{name} and # other people thanked you}} for your reply in “{title}”',
    'notifications.text.accepted': '{name} accepted your answer to “{title}”',
    'notifications.text.message':
      '{others, plural, =0 {{name} sent you a private message} one {{name} and one other person wrote to you} other {{name} and # other people wrote to you}}',
    'notifications.text.approvedCommunity': 'Your request to join “{place}” was approved: welcome!',
    'notifications.text.approvedGroup':
      'Your request to join the group “{place}” was approved: welcome!',
    'notifications.text.invited': '{name} invited you to join “{place}”',
    'notifications.text.watchedTopic':
      'New {topicKind, select, question {question} announcement {announcement} other {discussion}} by {name} in {place}: “{title}”',
    'notifications.text.watchedReply': '{name} replied in “{title}”',
    'notifications.text.announcement': 'Announcement by {name} in {place}: “{title}”',
    'notifications.text.badge': 'You earned the “{badge}” badge in “{place}”',
    'notifications.text.buddyAssigned':
      '{name} just joined “{place}” and you are their buddy: go and say hello!',
    'notifications.text.buddyIntroduced':
      '{name} is your buddy in “{place}”: feel free to ask them your questions.',
    'notifications.text.spotlight':
      '{name} would like to put you in the spotlight in “{place}”: do you accept?',
    'notifications.text.crisisCommunity':
      '{automatic, select, yes {Crisis mode started by itself} other {{name} started crisis mode}} in the whole {place} community',
    'notifications.text.crisisTopic':
      '{automatic, select, yes {Crisis mode started by itself} other {{name} started crisis mode}} on “{title}” ({place})',
    'notifications.text.firstPostUnanswered':
      'Nobody has answered {name}’s first post in “{place}” yet: “{title}”',
    'notifications.kind.mention': 'Someone mentions you',
    'notifications.kind.topic_reply': 'A reply to one of your conversations',
    'notifications.kind.reply_reply': 'A reply to one of your posts',
    'notifications.kind.thanks': '“Merci” (thanks) for your posts',
    'notifications.kind.answer_accepted': 'Your answer is accepted',
    'notifications.kind.message': 'A private message for you',
    'notifications.kind.request_approved': 'Your request to join is approved',
    'notifications.kind.invited': 'An invitation to join a community',
    'notifications.kind.watched_topic': 'A new conversation in a group you watch',
    'notifications.kind.announcement':
      'An announcement from the animators of one of your communities',
    'notifications.kind.watched_reply': 'A new reply in what you watch',
    'notifications.kind.badge_awarded': 'You earn a badge',
    'notifications.kind.spotlight_proposed': 'Someone would like to put you in the spotlight',
    'notifications.kind.buddy_assigned': 'A newcomer is entrusted to you',
    'notifications.kind.buddy_introduced': 'You are introduced to your buddy',
    'notifications.kind.first_post_unanswered': 'A newcomer’s first post awaits an answer',
    'notifications.kind.crisis_started': 'Crisis mode starts in one of your communities',
    'notifications.preferences.title': 'Notification preferences',
    'notifications.preferences.intro':
      'For each kind of notification, choose to get it on the site, by e-mail, both, or not at all.',
    'notifications.preferences.inApp': 'On the site',
    'notifications.preferences.email': 'By e-mail',
    'notifications.preferences.submit': 'Save my preferences',
    'notifications.preferences.back': 'Back to notifications',
    'notifications.watch.topic': 'Notifications for this conversation',
    'notifications.watch.group': 'Notifications for this group',
    'notifications.watch.topic.watching': 'Watching: every new reply',
    'notifications.watch.topic.normal': 'Normal: replies to your posts and mentions',
    'notifications.watch.topic.muted': 'Muted: nothing from this conversation, not even mentions',
    'notifications.watch.group.watching': 'Watching: every new conversation and every reply',
    'notifications.watch.group.normal': 'Normal: replies to your posts and mentions',
    'notifications.watch.group.muted': 'Muted: nothing from this group, not even mentions',
    'notifications.watch.viaGroup': 'For now, its group’s setting applies.',
    'notifications.watch.submit': 'Save',
    'notifications.flash.read': 'Notification marked as read.',
    'notifications.flash.allRead': 'All your notifications are marked as read.',
    'notifications.flash.preferences': 'Your notification preferences are saved.',
    'notifications.flash.watching': 'Notification setting saved.',
    'notifications.error.notFound': 'This notification does not exist, or it is not yours.',
    'notifications.email.hello': 'Hello {name}, here is what happened while you were away.',
    'notifications.email.more': '{first}, and {others, plural, one {one more} other {# more}}',
    'notifications.email.open': 'See all your notifications',
    'notifications.email.openConversation': 'Read the conversation',
    'notifications.email.reason': 'You receive this email because you chose to receive {what}.',
    'notifications.email.list.mention': 'emails when someone mentions you',
    'notifications.email.list.topic_reply':
      'emails when someone replies to one of your conversations',
    'notifications.email.list.reply_reply': 'emails when someone replies to one of your posts',
    'notifications.email.list.thanks': 'emails when someone thanks you',
    'notifications.email.list.answer_accepted': 'emails when your answer is accepted',
    'notifications.email.list.message': 'emails when you receive a private message',
    'notifications.email.list.request_approved': 'emails when your request to join is approved',
    'notifications.email.list.invited': 'emails when you are invited to join a community',
    'notifications.email.list.watched_topic':
      'emails for each new conversation in the groups you watch',
    'notifications.email.list.watched_reply': 'emails for each new reply in what you watch',
    'notifications.email.list.announcement': 'emails for the announcements of your communities',
    'notifications.email.list.badge_awarded': 'emails when you earn a badge',
    'notifications.email.list.buddy_assigned': 'emails when a newcomer is entrusted to you',
    'notifications.email.list.buddy_introduced': 'emails introducing your buddy',
    'notifications.email.list.spotlight_proposed':
      'emails when someone would like to put you in the spotlight',
    'notifications.email.list.first_post_unanswered':
      'emails when a newcomer’s first post awaits an answer',
    'notifications.email.list.crisis_started': 'emails when crisis mode starts',
  },
});
