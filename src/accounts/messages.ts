import { defineMessages } from '../i18n/index.js';
import { ownDataAccountMessages } from './own-data-messages.js';
import { accountSecurityMessages } from './security-messages.js';

export const accountsMessages = defineMessages({
  fr: {
    ...accountSecurityMessages.fr,
    ...ownDataAccountMessages.fr,
    'accounts.signup.title': 'Créer un compte',
    'accounts.signup.intro': 'Rejoignez les communautés hébergées sur Ruche.',
    'accounts.signup.submit': 'Créer mon compte',
    'accounts.signup.haveAccount': 'Déjà inscrit ? Se connecter',
    'accounts.signin.title': 'Se connecter',
    'accounts.signin.submit': 'Se connecter',
    'accounts.signin.forgot': 'Mot de passe oublié ?',
    'accounts.signin.noAccount': 'Pas encore de compte ? En créer un',
    'accounts.signin.delayed':
      'Trop d’essais de mot de passe pour ce compte. Réessayez dans {wait}. Depuis un appareil où vous vous êtes déjà connecté, ce délai ne s’applique pas.',
    'accounts.field.email': 'Adresse e-mail',
    'accounts.field.password': 'Mot de passe',
    'accounts.field.passwordHint': 'Au moins 10 caractères.',
    'accounts.field.displayName': 'Nom ou pseudonyme',
    'accounts.field.displayNameHint': 'C’est le nom que verront les autres membres.',
    'accounts.field.handle': 'Identifiant pour les mentions',
    'accounts.field.handleHint':
      'Les autres vous mentionnent avec @identifiant (3 à 30 caractères : a-z, 0-9, _ et -).',
    'accounts.field.bio': 'Présentation',
    'accounts.field.bioHint':
      'Quelques mots sur vous, vos compétences, vos centres d’intérêt (Markdown accepté).',
    'accounts.field.locale': 'Langue',
    'accounts.locale.auto': 'Celle de mon navigateur',
    'accounts.forgot.title': 'Mot de passe oublié',
    'accounts.forgot.intro':
      'Indiquez votre adresse : si un compte existe, vous recevrez un lien pour choisir un nouveau mot de passe.',
    'accounts.forgot.submit': 'Envoyer le lien',
    'accounts.forgot.sent':
      'Si un compte existe pour cette adresse, un lien vient d’être envoyé. Il est valable une heure.',
    'accounts.reset.title': 'Choisir un nouveau mot de passe',
    'accounts.reset.submit': 'Enregistrer le mot de passe',
    'accounts.reset.done': 'Votre mot de passe a été changé. Vous pouvez vous connecter.',
    'accounts.reset.invalidToken': 'Ce lien n’est plus valable. Demandez-en un nouveau.',
    'accounts.reset.mailSubject': 'Ruche : choisir un nouveau mot de passe',
    'accounts.reset.mailBody':
      'Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure) :\n{link}\n\nSi vous n’avez rien demandé, ignorez ce message.',
    'accounts.profile.title': 'Mon profil',
    'accounts.profile.submit': 'Enregistrer',
    'accounts.profile.saved': 'Profil enregistré.',
    'accounts.profile.memberSince': 'Membre depuis le {date}',
    'accounts.profile.noBio': 'Pas encore de présentation.',
    'accounts.profile.edit': 'Modifier mon profil',
    // Confirmations shown once on the next page (issue 21, item 28).
    'accounts.flash.welcome': 'Bienvenue sur Ruche, {name} ! Votre compte est créé.',
    'accounts.flash.signedIn': 'Connexion réussie. Bon retour sur Ruche !',
    'accounts.flash.signedOut': 'Déconnexion effectuée. À bientôt !',
  },
  en: {
    ...accountSecurityMessages.en,
    ...ownDataAccountMessages.en,
    'accounts.signup.title': 'Create an account',
    'accounts.signup.intro': 'Join the communities hosted on Ruche.',
    'accounts.signup.submit': 'Create my account',
    'accounts.signup.haveAccount': 'Already registered? Sign in',
    'accounts.signin.title': 'Sign in',
    'accounts.signin.submit': 'Sign in',
    'accounts.signin.forgot': 'Forgot your password?',
    'accounts.signin.noAccount': 'No account yet? Create one',
    'accounts.signin.delayed':
      'Too many wrong passwords for this account. Try again in {wait}. On a device you have signed in from before, this wait does not apply.',
    'accounts.field.email': 'Email address',
    'accounts.field.password': 'Password',
    'accounts.field.passwordHint': 'At least 10 characters.',
    'accounts.field.displayName': 'Name or pseudonym',
    'accounts.field.displayNameHint': 'This is the name other members will see.',
    'accounts.field.handle': 'Handle for mentions',
    'accounts.field.handleHint':
      'Others mention you with @handle (3 to 30 characters: a-z, 0-9, _ and -).',
    'accounts.field.bio': 'About you',
    'accounts.field.bioHint':
      'A few words about you, your skills, your interests (Markdown accepted).',
    'accounts.field.locale': 'Language',
    'accounts.locale.auto': 'My browser’s',
    'accounts.forgot.title': 'Forgotten password',
    'accounts.forgot.intro':
      'Enter your address: if an account exists, you will receive a link to choose a new password.',
    'accounts.forgot.submit': 'Send the link',
    'accounts.forgot.sent':
      'If an account exists for this address, a link has just been sent. It is valid for one hour.',
    'accounts.reset.title': 'Choose a new password',
    'accounts.reset.submit': 'Save the password',
    'accounts.reset.done': 'Your password has been changed. You can sign in.',
    'accounts.reset.invalidToken': 'This link is no longer valid. Ask for a new one.',
    'accounts.reset.mailSubject': 'Ruche: choose a new password',
    'accounts.reset.mailBody':
      'Hello,\n\nTo choose a new password, open this link (valid for one hour):\n{link}\n\nIf you did not ask for this, ignore this message.',
    'accounts.profile.title': 'My profile',
    'accounts.profile.submit': 'Save',
    'accounts.profile.saved': 'Profile saved.',
    'accounts.profile.memberSince': 'Member since {date}',
    'accounts.profile.noBio': 'No introduction yet.',
    'accounts.profile.edit': 'Edit my profile',
    'accounts.flash.welcome': 'Welcome to Ruche, {name}! Your account is created.',
    'accounts.flash.signedIn': 'You are signed in. Welcome back to Ruche!',
    'accounts.flash.signedOut': 'You are signed out. See you soon!',
  },
});
