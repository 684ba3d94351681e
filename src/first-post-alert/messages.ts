import { defineMessages } from '../i18n/index.js';

const fr = {
  'firstPostAlert.title': 'Alerte sur les premiers messages dans {community}',
  'firstPostAlert.intro':
    'Quand le premier message d’un nouveau membre reste sans réponse, les animateurs et animatrices de la communauté et sa marraine ou son parrain reçoivent une notification. Une réponse à un premier message est ce qui aide le plus un nouveau membre à revenir.',
  'firstPostAlert.enabled': 'Envoyer l’alerte',
  'firstPostAlert.hours': 'Délai sans réponse, en heures',
  'firstPostAlert.hoursHint':
    'Un nombre entier d’heures, de 1 à {max, plural, one {# heure} other {# heures}}.',
  'firstPostAlert.submit': 'Enregistrer',
  'firstPostAlert.flash.saved': 'Réglage enregistré.',
  'firstPostAlert.error.hours':
    'Le délai doit être un nombre entier d’heures, de 1 à {max, plural, one {# heure} other {# heures}}.',
  'field.hours': 'Délai en heures',
};

const en: Record<keyof typeof fr, string> = {
  'firstPostAlert.title': 'First-post alert in {community}',
  'firstPostAlert.intro':
    'When a newcomer’s first post gets no response, the community’s animators and the newcomer’s buddy get a notification. One reply to a first post is what most helps a newcomer come back.',
  'firstPostAlert.enabled': 'Send the alert',
  'firstPostAlert.hours': 'Wait without a response, in hours',
  'firstPostAlert.hoursHint':
    'A whole number of hours, from 1 to {max, plural, one {# hour} other {# hours}}.',
  'firstPostAlert.submit': 'Save',
  'firstPostAlert.flash.saved': 'Setting saved.',
  'firstPostAlert.error.hours':
    'The wait must be a whole number of hours, from 1 to {max, plural, one {# hour} other {# hours}}.',
  'field.hours': 'Wait in hours',
};

export const firstPostAlertMessages = defineMessages({ fr, en });
