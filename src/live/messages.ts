import { defineMessages } from '../i18n/index.js';

export const liveMessages = defineMessages({
  fr: {
    'live.error.streamOnly':
      'Cette adresse envoie un flux d’événements : demandez-la avec l’en-tête « Accept: text/event-stream ».',
    'live.error.unavailable':
      'Les nouvelles en direct sont momentanément indisponibles. Réessayez dans quelques secondes.',
  },
  en: {
    'live.error.streamOnly':
      'This address sends a stream of events: ask for it with the header “Accept: text/event-stream”.',
    'live.error.unavailable':
      'Live updates are unavailable for a moment. Try again in a few seconds.',
  },
});
