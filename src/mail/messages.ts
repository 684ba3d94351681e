import { defineMessages } from '../i18n/index.js';

export const mailMessages = defineMessages({
  fr: {
    'mail.footer.unsubscribe': 'Ne plus recevoir ces e-mails',
    'mail.footer.preferences': 'Choisir ce que vous recevez',
    'mail.unsubscribe.title': 'Se désinscrire',
    'mail.unsubscribe.confirm': 'Vous ne recevrez plus {what}. Le confirmez-vous ?',
    'mail.unsubscribe.why':
      'Rien n’a changé tant que vous n’avez pas appuyé sur le bouton : il faut le confirmer, car certaines messageries ouvrent les liens d’elles-mêmes.',
    'mail.unsubscribe.submit': 'Oui, ne plus les recevoir',
    'mail.unsubscribe.done': 'C’est fait : vous ne recevrez plus {what}.',
    'mail.unsubscribe.already': 'C’était déjà fait : vous ne recevez plus {what}.',
    'mail.unsubscribe.comeBack':
      'Vous pouvez changer d’avis à tout moment : une fois connecté·e, rétablissez-les dans vos préférences.',
    'mail.unsubscribe.comeBackLink': 'Ouvrir mes préférences',
    'mail.unsubscribe.invalid':
      'Ce lien de désinscription n’est pas valable : il a peut-être été mal copié. Rien n’a été changé.',
    'mail.unsubscribe.expired':
      'Ce lien de désinscription a expiré, et rien n’a été changé. Utilisez le lien d’un e-mail plus récent, ou connectez-vous pour choisir les e-mails que vous recevez.',
  },
  en: {
    'mail.footer.unsubscribe': 'Stop these emails',
    'mail.footer.preferences': 'Choose what you receive',
    'mail.unsubscribe.title': 'Unsubscribe',
    'mail.unsubscribe.confirm': 'You will no longer receive {what}. Do you confirm?',
    'mail.unsubscribe.why':
      'Nothing has changed until you press the button: it needs confirming, because some mail software opens links by itself.',
    'mail.unsubscribe.submit': 'Yes, stop them',
    'mail.unsubscribe.done': 'Done: you will no longer receive {what}.',
    'mail.unsubscribe.already': 'This was already done: you no longer receive {what}.',
    'mail.unsubscribe.comeBack':
      'You can change your mind at any time: once signed in, turn them back on in your preferences.',
    'mail.unsubscribe.comeBackLink': 'Open my preferences',
    'mail.unsubscribe.invalid':
      'This unsubscribe link is not valid: it may have been copied wrongly. Nothing was changed.',
    'mail.unsubscribe.expired':
      'This unsubscribe link has expired, and nothing was changed. Use the link of a more recent email, or sign in to choose the emails you receive.',
  },
});
