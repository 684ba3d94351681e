import { defineMessages } from '../i18n/index.js';

const fr = {
  'welcome.queue.title': 'Accueil des nouveaux dans {community}',
  'welcome.queue.intro':
    'Les membres arrivés ces {days} derniers jours, du plus récent au plus ancien. Une réponse à un premier message est ce qui aide le plus un nouveau membre à revenir.',
  'welcome.queue.empty': 'Personne n’est arrivé ces {days} derniers jours.',
  'welcome.queue.member': 'Membre',
  'welcome.queue.joined': 'Arrivée',
  'welcome.queue.interests': 'Se présente ainsi',
  'welcome.queue.posted': 'A écrit',
  'welcome.queue.answered': 'A eu une réponse',
  'welcome.queue.welcomed': 'Accueil',
  'welcome.queue.notPosted': 'Pas encore',
  'welcome.queue.firstPost': 'Premier message, le {date}',
  'welcome.queue.noAnswer': 'Sans réponse',
  'welcome.queue.answeredBy': 'Par {name}, le {date}',
  'welcome.queue.welcomedBy': 'Accueilli·e par {name}, le {date}',
  'welcome.queue.welcome': 'Accueillir {name}',
  'welcome.queue.templates': 'Modifier les modèles de message d’accueil',
  'welcome.form.title': 'Accueillir {name}',
  'welcome.form.intro':
    'Ce message privé est rédigé à partir du modèle en {language, select, fr {français} other {anglais}}, la langue de {name}. Modifiez-le à votre guise avant de l’envoyer.',
  'welcome.form.already': '{name} a déjà été accueilli·e par {by}, le {date}.',
  'welcome.form.body': 'Message',
  'welcome.form.submit': 'Envoyer le message d’accueil',
  'welcome.form.back': 'Retour à l’accueil des nouveaux',
  'welcome.templates.title': 'Modèles de message d’accueil de {community}',
  'welcome.templates.intro':
    "Variables possibles : '{name}', '{community}', '{interests}'. '{interests}' reprend ce que le membre a écrit de lui dans son profil, ou rien.",
  'welcome.templates.fr': 'Modèle en français',
  'welcome.templates.en': 'Modèle en anglais',
  'welcome.templates.submit': 'Enregistrer ce modèle',
  'welcome.flash.sent': 'Message d’accueil envoyé.',
  'welcome.flash.saved': 'Modèle enregistré.',
  'welcome.error.unknownVariable':
    "La variable {variable} n’existe pas. Utilisez '{name}', '{community}' ou '{interests}'.",
  'welcome.error.templateLength': 'Le modèle doit contenir entre 1 et {max, number} caractères.',
  'field.template_fr': 'Modèle en français',
  'field.template_en': 'Modèle en anglais',
};

const en: typeof fr = {
  'welcome.queue.title': 'Welcoming newcomers to {community}',
  'welcome.queue.intro':
    'Members who joined in the last {days} days, newest first. A reply to a first post is what most helps a newcomer come back.',
  'welcome.queue.empty': 'Nobody joined in the last {days} days.',
  'welcome.queue.member': 'Member',
  'welcome.queue.joined': 'Joined',
  'welcome.queue.interests': 'Describes themselves as',
  'welcome.queue.posted': 'Posted',
  'welcome.queue.answered': 'Answered',
  'welcome.queue.welcomed': 'Welcome',
  'welcome.queue.notPosted': 'Not yet',
  'welcome.queue.firstPost': 'First post, on {date}',
  'welcome.queue.noAnswer': 'No answer',
  'welcome.queue.answeredBy': 'By {name}, on {date}',
  'welcome.queue.welcomedBy': 'Welcomed by {name}, on {date}',
  'welcome.queue.welcome': 'Welcome {name}',
  'welcome.queue.templates': 'Edit the welcome message templates',
  'welcome.form.title': 'Welcome {name}',
  'welcome.form.intro':
    'This private message is drafted from the {language, select, fr {French} other {English}} template, the language of {name}. Edit it as you like before sending it.',
  'welcome.form.already': '{name} was already welcomed by {by}, on {date}.',
  'welcome.form.body': 'Message',
  'welcome.form.submit': 'Send the welcome message',
  'welcome.form.back': 'Back to the welcome queue',
  'welcome.templates.title': 'Welcome message templates of {community}',
  'welcome.templates.intro':
    "Variables you may use: '{name}', '{community}', '{interests}'. '{interests}' is what the member wrote about themselves in their profile, or nothing.",
  'welcome.templates.fr': 'French template',
  'welcome.templates.en': 'English template',
  'welcome.templates.submit': 'Save this template',
  'welcome.flash.sent': 'Welcome message sent.',
  'welcome.flash.saved': 'Template saved.',
  'welcome.error.unknownVariable':
    "The variable {variable} does not exist. Use '{name}', '{community}' or '{interests}'.",
  'welcome.error.templateLength': 'The template must have between 1 and {max, number} characters.',
  'field.template_fr': 'French template',
  'field.template_en': 'English template',
};

export const welcomeMessages = defineMessages({ fr, en });
