import { defineMessages } from '../i18n/index.js';

// A wait, as the refusals of new accounts say it: hours past one, else minutes.
const waitFr =
  '{hours, plural, =0 {{minutes, plural, one {# minute} other {# minutes}}} one {# heure} other {# heures}}';
const waitEn =
  '{hours, plural, =0 {{minutes, plural, one {# minute} other {# minutes}}} one {# hour} other {# hours}}';

export const messagesMessages = defineMessages({
  fr: {
    'messages.title': 'Messages privés',
    'messages.new': 'Écrire un message',
    'messages.none':
      'Aucune conversation pour l’instant. Écrivez à un membre depuis son profil, ou avec le bouton ci-dessus.',
    'messages.unread': '{count, plural, one {# non lu} other {# non lus}}',
    'messages.erased': 'Message effacé avec le compte de son auteur.',
    'messages.lastMessage': '{name} : {text}',
    'messages.you': 'vous',
    'messages.onlyYou': 'vous seul',
    'messages.pages': 'Pages de conversations',
    'messages.newer': 'Conversations plus récentes',
    'messages.older': 'Conversations plus anciennes',
    'messages.send': 'Envoyer',
    'messages.compose.title': 'Nouveau message privé',
    'messages.compose.who':
      'Vous pouvez écrire aux membres des communautés dont vous faites partie. Seules les personnes de la conversation la lisent : ni les animateurs ni les administrateurs n’y ont accès.',
    'messages.field.recipients': 'Destinataires',
    'messages.field.recipientsHint':
      'Leurs identifiants, séparés par des virgules : @camille, @yanis ({max, plural, one {# personne} other {# personnes}} au plus).',
    'messages.field.body': 'Message',
    'messages.field.bodyHint':
      'Mise en forme Markdown : **gras**, *italique*, [lien](https://…), listes avec « - ».',
    'messages.thread.title': 'Conversation avec {name}',
    'messages.thread.participants': 'Dans cette conversation',
    'messages.thread.left': 'a quitté la conversation',
    'messages.thread.messages': 'Messages',
    'messages.thread.earlier': 'Voir les messages précédents',
    'messages.thread.new': 'Nouveau',
    'messages.thread.reply': 'Répondre',
    'messages.leave.link': 'Quitter cette conversation',
    'messages.leave.title': 'Quitter la conversation',
    'messages.leave.body':
      'Elle disparaîtra de vos messages et vous n’en lirez plus rien. Les autres verront que vous l’avez quittée et garderont ce que vous y avez écrit. On ne peut pas y revenir.',
    'messages.leave.submit': 'Quitter la conversation',
    'messages.leave.back': 'Rester',
    'messages.blocks.title': 'Membres bloqués',
    'messages.blocks.account': 'Mon compte',
    'messages.blocks.intro':
      'Un membre que vous bloquez ne peut plus vous écrire en privé, ni répondre dans une conversation où vous êtes, et ses mentions ne vous notifient plus. Il n’en est pas averti ; s’il essaie de vous écrire, on lui dit que vous ne recevez pas ses messages.',
    'messages.blocks.none': 'Vous n’avez bloqué personne.',
    'messages.blocks.since': 'bloqué le {date}',
    'messages.blocks.unblockName': 'Débloquer {name}',
    'messages.blocks.add': 'Bloquer un membre',
    'messages.blocks.submit': 'Bloquer',
    'messages.field.handle': 'Identifiant du membre',
    'messages.field.handleHint': 'Par exemple @camille.',
    'messages.profile.title': 'Messages privés',
    'messages.profile.write': 'Écrire à {name}',
    'messages.profile.blocked': 'Vous avez bloqué ce membre : il ne peut pas vous écrire.',
    'messages.profile.block': 'Bloquer {name}',
    'messages.profile.unblock': 'Débloquer {name}',
    'messages.flash.sent': 'Message envoyé.',
    'messages.flash.left': 'Vous avez quitté la conversation.',
    'messages.flash.blocked': 'Vous avez bloqué {name} : ce membre ne peut plus vous écrire.',
    'messages.flash.unblocked': 'Vous avez débloqué {name}.',
    'messages.error.noRecipient': 'Indiquez à qui écrire : l’identifiant d’au moins un membre.',
    'messages.error.tooManyRecipients':
      'Un message privé va à {max, plural, one {# personne} other {# personnes}} au plus ; vous en avez indiqué {count}. Pour écrire à plus de monde, publiez dans un groupe.',
    'messages.error.self': 'Vous ne pouvez pas vous écrire à vous-même.',
    'messages.error.unknownRecipient': 'Aucun membre ne porte l’identifiant {name}.',
    'messages.error.unavailable': '{name} est un compte du système : on ne peut pas lui écrire.',
    'messages.error.blockedYou': '{name} ne reçoit pas vos messages privés.',
    'messages.error.youBlocked':
      'Vous avez bloqué {name} : débloquez ce membre (Mon compte › Membres bloqués) pour lui écrire.',
    'messages.error.noSharedCommunity':
      'Vous ne pouvez écrire qu’aux membres d’une communauté dont vous faites partie, et {name} n’est dans aucune des vôtres.',
    'messages.error.alone':
      'Plus personne d’autre n’est dans cette conversation : écrivez plutôt un nouveau message.',
    'messages.error.blockSelf': 'Vous ne pouvez pas vous bloquer vous-même.',
    'messages.error.tooNew': `Contre les indésirables, un nouveau compte attend un peu avant de démarrer une conversation privée : vous pourrez le faire dans ${waitFr}. D’ici là, vous pouvez répondre à qui vous écrit.`,
    'messages.error.conversationCap': `Un compte récent démarre au plus {max, plural, one {# conversation privée} other {# conversations privées}} en 24 heures : vous pourrez en démarrer une autre dans ${waitFr}.`,
    'messages.error.messageCap': `Un compte récent écrit au plus {max, plural, one {# message privé} other {# messages privés}} en 24 heures : vous pourrez écrire de nouveau dans ${waitFr}.`,
    'messages.deletionNote':
      'Vos messages privés suivent le même choix : gardés, ils sont signés « ancien membre » ; supprimés, leur texte est effacé. Vous quittez toutes vos conversations.',
    'messages.export.title': 'Messages privés',
    'messages.export.with': 'Conversation n° {id} avec {name}',
    'messages.export.left': 'Vous l’avez quittée le {date}.',
    'messages.export.by': '{name}, le {date}',
  },
  en: {
    'messages.title': 'Private messages',
    'messages.new': 'Write a message',
    'messages.none':
      'No conversation yet. Write to a member from their profile, or with the button above.',
    'messages.unread': '{count} unread',
    'messages.erased': 'Message erased with its author’s account.',
    'messages.lastMessage': '{name}: {text}',
    'messages.you': 'you',
    'messages.onlyYou': 'only you',
    'messages.pages': 'Pages of conversations',
    'messages.newer': 'More recent conversations',
    'messages.older': 'Older conversations',
    'messages.send': 'Send',
    'messages.compose.title': 'New private message',
    'messages.compose.who':
      'You can write to the members of the communities you belong to. Only the people in the conversation read it: neither animators nor administrators can.',
    'messages.field.recipients': 'Recipients',
    'messages.field.recipientsHint':
      'Their handles, separated by commas: @camille, @yanis ({max, plural, one {# person} other {# people}} at most).',
    'messages.field.body': 'Message',
    'messages.field.bodyHint':
      'Markdown formatting: **bold**, *italics*, [link](https://…), lists with “- ”.',
    'messages.thread.title': 'Conversation with {name}',
    'messages.thread.participants': 'In this conversation',
    'messages.thread.left': 'left the conversation',
    'messages.thread.messages': 'Messages',
    'messages.thread.earlier': 'See earlier messages',
    'messages.thread.new': 'New',
    'messages.thread.reply': 'Reply',
    'messages.leave.link': 'Leave this conversation',
    'messages.leave.title': 'Leave the conversation',
    'messages.leave.body':
      'It will disappear from your messages and you will read nothing more of it. The others will see that you left and keep what you wrote there. There is no way back.',
    'messages.leave.submit': 'Leave the conversation',
    'messages.leave.back': 'Stay',
    'messages.blocks.title': 'Blocked members',
    'messages.blocks.account': 'My account',
    'messages.blocks.intro':
      'A member you block can no longer write to you in private, nor answer in a conversation you are in, and their mentions no longer notify you. They are not told; if they try to write to you, they are told you do not accept their messages.',
    'messages.blocks.none': 'You have blocked nobody.',
    'messages.blocks.since': 'blocked on {date}',
    'messages.blocks.unblockName': 'Unblock {name}',
    'messages.blocks.add': 'Block a member',
    'messages.blocks.submit': 'Block',
    'messages.field.handle': 'Member’s handle',
    'messages.field.handleHint': 'For example @camille.',
    'messages.profile.title': 'Private messages',
    'messages.profile.write': 'Write to {name}',
    'messages.profile.blocked': 'You blocked this member: they cannot write to you.',
    'messages.profile.block': 'Block {name}',
    'messages.profile.unblock': 'Unblock {name}',
    'messages.flash.sent': 'Message sent.',
    'messages.flash.left': 'You left the conversation.',
    'messages.flash.blocked': 'You blocked {name}: this member can no longer write to you.',
    'messages.flash.unblocked': 'You unblocked {name}.',
    'messages.error.noRecipient': 'Say who to write to: the handle of at least one member.',
    'messages.error.tooManyRecipients':
      'A private message goes to {max, plural, one {# person} other {# people}} at most; you named {count}. To write to more people, post in a group.',
    'messages.error.self': 'You cannot write to yourself.',
    'messages.error.unknownRecipient': 'No member goes by the handle {name}.',
    'messages.error.unavailable': '{name} is a system account: nobody can write to it.',
    'messages.error.blockedYou': '{name} does not accept your private messages.',
    'messages.error.youBlocked':
      'You blocked {name}: unblock this member (My account › Blocked members) to write to them.',
    'messages.error.noSharedCommunity':
      'You can write only to members of a community you belong to, and {name} is in none of yours.',
    'messages.error.alone':
      'Nobody else is left in this conversation: write a new message instead.',
    'messages.error.blockSelf': 'You cannot block yourself.',
    'messages.error.tooNew': `Against spam, a new account waits a little before starting a private conversation: you can do so in ${waitEn}. Until then, you can answer whoever writes to you.`,
    'messages.error.conversationCap': `A recent account starts at most {max, plural, one {# private conversation} other {# private conversations}} in 24 hours: you can start another in ${waitEn}.`,
    'messages.error.messageCap': `A recent account writes at most {max, plural, one {# private message} other {# private messages}} in 24 hours: you can write again in ${waitEn}.`,
    'messages.deletionNote':
      'Your private messages follow the same choice: kept, they are signed “former member”; deleted, their text is erased. You leave all your conversations.',
    'messages.export.title': 'Private messages',
    'messages.export.with': 'Conversation #{id} with {name}',
    'messages.export.left': 'You left it on {date}.',
    'messages.export.by': '{name}, {date}',
  },
});
