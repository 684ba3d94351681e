import { defineMessages } from '../i18n/index.js';

/** The account page's strings: password and address changes, access tokens, common passwords. */
export const accountSecurityMessages = defineMessages({
  fr: {
    'accounts.password.common':
      'Ce mot de passe est trop courant : il figure parmi les plus utilisés, que les attaquants essaient en premier. Choisissez-en un autre, par exemple une phrase de quelques mots.',
    'accounts.password.wrongCurrent': 'Le mot de passe actuel est incorrect.',
    'accounts.field.currentPassword': 'Mot de passe actuel',
    'accounts.field.currentPasswordHint': 'Pour vérifier que c’est bien vous.',
    'accounts.field.newPassword': 'Nouveau mot de passe',
    'accounts.field.newEmail': 'Nouvelle adresse e-mail',
    'accounts.account.title': 'Compte et sécurité',
    'accounts.account.link': 'Adresse e-mail, mot de passe et jetons d’accès',
    'accounts.account.email': 'Votre adresse e-mail : {email}',
    'accounts.account.pendingEmail':
      'En attente de confirmation : {email}. Ouvrez le lien envoyé à cette adresse avant le {date}.',
    'accounts.account.done.password':
      'Votre mot de passe a été changé. Vos autres sessions ont été fermées et vos jetons d’accès révoqués.',
    'accounts.account.done.emailSent':
      'Un lien de confirmation vient d’être envoyé à la nouvelle adresse ; l’adresse actuelle en est informée.',
    'accounts.passwordChange.title': 'Changer de mot de passe',
    'accounts.passwordChange.intro':
      'Vos autres sessions seront fermées et vos jetons d’accès révoqués ; celle-ci reste ouverte.',
    'accounts.passwordChange.submit': 'Changer le mot de passe',
    'accounts.emailChange.title': 'Changer d’adresse e-mail',
    'accounts.emailChange.intro':
      'Un lien sera envoyé à la nouvelle adresse : elle remplacera l’actuelle ({email}) quand vous l’ouvrirez, dans les 24 heures. L’adresse actuelle en sera informée.',
    'accounts.emailChange.submit': 'Envoyer le lien',
    'accounts.email.same': 'C’est déjà votre adresse e-mail.',
    'accounts.email.invalidToken':
      'Ce lien n’est plus valable. Demandez un nouveau changement d’adresse depuis votre compte.',
    'accounts.email.mailSubject': 'Ruche : confirmer votre nouvelle adresse e-mail',
    'accounts.email.mailBody':
      'Bonjour,\n\nPour que cette adresse devienne celle de votre compte Ruche, ouvrez ce lien (valable 24 heures) :\n{link}\n\nSi vous n’avez rien demandé, ignorez ce message : rien ne changera.',
    'accounts.email.noticeSubject': 'Ruche : changement d’adresse e-mail demandé',
    'accounts.email.noticeBody':
      'Bonjour,\n\nUn changement d’adresse e-mail a été demandé pour votre compte Ruche, vers {email}. Il ne prendra effet que si le lien envoyé à cette adresse est ouvert.\n\nSi ce n’est pas vous, changez votre mot de passe (ou demandez-en un nouveau avec « Mot de passe oublié ») : la demande sera annulée.',
    'accounts.emailConfirm.title': 'Confirmer la nouvelle adresse',
    'accounts.emailConfirm.intro':
      'Confirmez pour que cette adresse devienne celle de votre compte.',
    'accounts.emailConfirm.submit': 'Confirmer l’adresse',
    'accounts.emailConfirm.done': 'Votre adresse e-mail a été changée.',
    'accounts.tokens.title': 'Jetons d’accès personnels',
    'accounts.tokens.intro':
      'Un jeton permet à un script ou à une application d’utiliser l’API en votre nom (en-tête « Authorization: Bearer »). Révoquez ceux dont vous ne vous servez plus.',
    'accounts.tokens.caption': 'Vos jetons',
    'accounts.tokens.none': 'Aucun jeton pour l’instant.',
    'accounts.tokens.createdAt': 'Créé le {date}',
    'accounts.tokens.lastUsedAt': 'dernière utilisation le {date}',
    'accounts.tokens.expiresAt': 'expire le {date}',
    'accounts.tokens.neverUsed': 'jamais utilisé',
    'accounts.tokens.noExpiry': 'sans expiration',
    'accounts.tokens.expired': 'expiré le {date}',
    'accounts.tokens.revoke': 'Révoquer',
    'accounts.tokens.revokeLabel': 'Révoquer le jeton « {name} »',
    'accounts.tokens.revoked': 'Le jeton a été révoqué.',
    'accounts.tokens.create': 'Créer un jeton',
    'accounts.tokens.field.name': 'Nom du jeton',
    'accounts.tokens.field.nameHint': 'À quoi il sert, par exemple « script de sauvegarde ».',
    'accounts.tokens.field.expiry': 'Durée de validité',
    'accounts.tokens.expiry.none': 'Sans expiration',
    'accounts.tokens.expiry.7': '7 jours',
    'accounts.tokens.expiry.30': '30 jours',
    'accounts.tokens.expiry.90': '90 jours',
    'accounts.tokens.expiry.365': '1 an',
    'accounts.tokens.created':
      'Voici le jeton « {name} ». Copiez-le maintenant : il ne sera plus jamais affiché.',
    'accounts.tokens.expiryPast': 'La date d’expiration doit être dans le futur.',
  },
  en: {
    'accounts.password.common':
      'This password is too common: it is among the most used ones, which attackers try first. Choose another one, for instance a phrase of a few words.',
    'accounts.password.wrongCurrent': 'The current password is wrong.',
    'accounts.field.currentPassword': 'Current password',
    'accounts.field.currentPasswordHint': 'To check that it is really you.',
    'accounts.field.newPassword': 'New password',
    'accounts.field.newEmail': 'New email address',
    'accounts.account.title': 'Account and security',
    'accounts.account.link': 'Email address, password and access tokens',
    'accounts.account.email': 'Your email address: {email}',
    'accounts.account.pendingEmail':
      'Waiting for confirmation: {email}. Open the link sent to that address before {date}.',
    'accounts.account.done.password':
      'Your password has been changed. Your other sessions were closed and your access tokens revoked.',
    'accounts.account.done.emailSent':
      'A confirmation link has just been sent to the new address; the current address has been told.',
    'accounts.passwordChange.title': 'Change password',
    'accounts.passwordChange.intro':
      'Your other sessions will be closed and your access tokens revoked; this one stays open.',
    'accounts.passwordChange.submit': 'Change the password',
    'accounts.emailChange.title': 'Change email address',
    'accounts.emailChange.intro':
      'A link will be sent to the new address: it will replace the current one ({email}) when you open it, within 24 hours. The current address will be told.',
    'accounts.emailChange.submit': 'Send the link',
    'accounts.email.same': 'This is already your email address.',
    'accounts.email.invalidToken':
      'This link is no longer valid. Ask for a new address change from your account.',
    'accounts.email.mailSubject': 'Ruche: confirm your new email address',
    'accounts.email.mailBody':
      'Hello,\n\nTo make this address the one of your Ruche account, open this link (valid for 24 hours):\n{link}\n\nIf you did not ask for this, ignore this message: nothing will change.',
    'accounts.email.noticeSubject': 'Ruche: email address change requested',
    'accounts.email.noticeBody':
      'Hello,\n\nA change of email address was requested for your Ruche account, to {email}. It takes effect only if the link sent to that address is opened.\n\nIf this was not you, change your password (or ask for a new one with “Forgot your password?”): the request will be cancelled.',
    'accounts.emailConfirm.title': 'Confirm the new address',
    'accounts.emailConfirm.intro': 'Confirm to make this address the one of your account.',
    'accounts.emailConfirm.submit': 'Confirm the address',
    'accounts.emailConfirm.done': 'Your email address has been changed.',
    'accounts.tokens.title': 'Personal access tokens',
    'accounts.tokens.intro':
      'A token lets a script or an application use the API on your behalf (header “Authorization: Bearer”). Revoke those you no longer use.',
    'accounts.tokens.caption': 'Your tokens',
    'accounts.tokens.none': 'No token yet.',
    'accounts.tokens.createdAt': 'Created {date}',
    'accounts.tokens.lastUsedAt': 'last used {date}',
    'accounts.tokens.expiresAt': 'expires {date}',
    'accounts.tokens.neverUsed': 'never used',
    'accounts.tokens.noExpiry': 'no expiry',
    'accounts.tokens.expired': 'expired {date}',
    'accounts.tokens.revoke': 'Revoke',
    'accounts.tokens.revokeLabel': 'Revoke the token “{name}”',
    'accounts.tokens.revoked': 'The token has been revoked.',
    'accounts.tokens.create': 'Create a token',
    'accounts.tokens.field.name': 'Token name',
    'accounts.tokens.field.nameHint': 'What it is for, for instance “backup script”.',
    'accounts.tokens.field.expiry': 'Valid for',
    'accounts.tokens.expiry.none': 'No expiry',
    'accounts.tokens.expiry.7': '7 days',
    'accounts.tokens.expiry.30': '30 days',
    'accounts.tokens.expiry.90': '90 days',
    'accounts.tokens.expiry.365': '1 year',
    'accounts.tokens.created':
      'Here is the token “{name}”. Copy it now: it will never be shown again.',
    'accounts.tokens.expiryPast': 'The expiry date must be in the future.',
  },
});
