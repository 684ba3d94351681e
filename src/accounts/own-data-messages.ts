import { defineMessages } from '../i18n/index.js';

/** The account page's words for one's own data: the export, the deletion, a former member. */
export const ownDataAccountMessages = defineMessages({
  fr: {
    'accounts.formerMember': 'ancien membre',
    'accounts.ownData.title': 'Vos données',
    'accounts.ownData.intro':
      'Téléchargez tout ce que Ruche garde de vous : votre profil, vos messages et leurs versions, vos réactions, vos adhésions, les chartes acceptées et le journal de vos actions.',
    'accounts.ownData.exportJson': 'Télécharger mes données (JSON)',
    'accounts.ownData.exportHtml': 'Télécharger mes données (page lisible)',
    'accounts.deletion.link': 'Supprimer mon compte',
    'accounts.deletion.cancelled':
      'Bon retour ! Votre connexion a annulé la suppression de votre compte : il reste ouvert.',
    'accounts.deletion.mailSubject': 'Ruche : suppression de votre compte demandée',
    'accounts.deletion.mailBodyKeep':
      'Bonjour,\n\nLa suppression de votre compte Ruche a été demandée. Elle aura lieu le {date} : vos messages resteront, signés « ancien membre », et votre nom disparaîtra partout.\n\nVous avez changé d’avis ? Il suffit de vous connecter avant cette date pour l’annuler : {signin}\n\nVos sessions et vos jetons d’accès sont déjà fermés.',
    'accounts.deletion.mailBodyDelete':
      'Bonjour,\n\nLa suppression de votre compte Ruche a été demandée. Elle aura lieu le {date}, avec celle de vos messages ; votre nom disparaîtra partout.\n\nVous avez changé d’avis ? Il suffit de vous connecter avant cette date pour l’annuler : {signin}\n\nVos sessions et vos jetons d’accès sont déjà fermés.',
  },
  en: {
    'accounts.formerMember': 'former member',
    'accounts.ownData.title': 'Your data',
    'accounts.ownData.intro':
      'Download everything Ruche keeps about you: your profile, your posts and their versions, your reactions, your memberships, the charters you accepted and the log of your actions.',
    'accounts.ownData.exportJson': 'Download my data (JSON)',
    'accounts.ownData.exportHtml': 'Download my data (readable page)',
    'accounts.deletion.link': 'Delete my account',
    'accounts.deletion.cancelled':
      'Welcome back! Signing in cancelled the deletion of your account: it stays open.',
    'accounts.deletion.mailSubject': 'Ruche: deletion of your account requested',
    'accounts.deletion.mailBodyKeep':
      'Hello,\n\nThe deletion of your Ruche account was requested. It will take place on {date}: your posts will stay, signed “former member”, and your name will disappear everywhere.\n\nChanged your mind? Just sign in before that date to cancel it: {signin}\n\nYour sessions and access tokens are already closed.',
    'accounts.deletion.mailBodyDelete':
      'Hello,\n\nThe deletion of your Ruche account was requested. It will take place on {date}, together with your posts; your name will disappear everywhere.\n\nChanged your mind? Just sign in before that date to cancel it: {signin}\n\nYour sessions and access tokens are already closed.',
  },
});
