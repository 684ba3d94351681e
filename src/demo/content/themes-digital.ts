import type { Theme } from './theme.js';

/** « Outils numériques »: everyday tools and the digital divide of senior volunteers. */
export const TOOLS: Theme = {
  questions: [
    'Comment ajouter mes disponibilités dans le planning ?',
    '{tool} ne fonctionne plus sur mon téléphone, que faire ?',
    'Comment aider un bénévole senior à utiliser {tool} ?',
    'Quel outil pour faire un sondage de dates tout simple ?',
    'Comment partager un document sans que tout le monde puisse le modifier ?',
    'Mot de passe oublié : comment le réinitialiser ?',
    'Comment recevoir moins de notifications par e-mail ?',
    'Peut-on utiliser {tool} sans créer de compte ?',
    'Comment organiser une visio avec {count} participants ?',
    'Qui peut animer un atelier sur {tool} à {city} ?',
    'Comment rendre {tool} accessible aux personnes malvoyantes ?',
    'Où sont rangées les fiches {de:mission} dans le drive ?',
  ],
  discussions: [
    'Tutoriel : bien démarrer avec {tool}',
    'Fracture numérique : notre atelier du {weekday} à {city}',
    'Retour sur la formation {de:month} : {tool}',
    'Astuce du jour : {tool} en trois clics',
    'Nous passons {a:tool} pour {mission}',
    'Accessibilité : ce que nous avons amélioré à {city}',
    'Inclusion numérique : {count} seniors accompagnés à {city}',
    'Vos outils préférés pour coordonner {mission}',
  ],
  openings: [
    "Plusieurs bénévoles {de:city} n'arrivent pas à utiliser {tool}.",
    'Depuis la dernière mise à jour, {tool} se comporte bizarrement.',
    'Nous animons un atelier numérique le {weekday} pour {public}.',
    "Je ne suis pas très à l'aise avec l'informatique, alors je préfère demander ici.",
    'Nous cherchons un outil simple pour organiser {mission}.',
  ],
  tips: [
    "des captures d'écran annotées",
    "une fiche d'une page, en gros caractères",
    'un numéro à appeler en cas de blocage',
    "un atelier en binôme plutôt qu'une démonstration",
    'des mots simples, **sans jargon**',
    'un essai sur un vieux téléphone avant de diffuser',
  ],
  answers: [
    "Dans ton profil, onglet **Disponibilités**, tu coches tes créneaux et c'est enregistré tout seul.",
    "Essaie de vider le cache de l'application ou de la réinstaller : ça règle la plupart des soucis.",
    'Le lien « Mot de passe oublié » de la page de connexion envoie un e-mail valable une heure.',
    'Dans les préférences, tu peux passer les notifications en résumé hebdomadaire.',
    "Pour les seniors, nous faisons des ateliers en binôme : une personne à l'aise, une qui découvre.",
    "Partage le document en lecture seule et donne les droits d'édition aux seuls référents.",
    "La visio tient bien jusqu'à cinquante personnes si chacun coupe son micro.",
    'Je peux animer un atelier sur {tool} un {weekday} soir, dites-moi ce qui vous arrange.',
    "Le lecteur d'écran fonctionne bien avec la plateforme, à condition de nommer clairement les liens.",
    'Les fiches sont dans le dossier « Missions », classées par antenne.',
  ],
  links: [
    ['Tutoriels vidéo', 'tutoriels'],
    ['Fiche accessibilité', 'accessibilite'],
  ],
};

/** « Coordination des référents » (private): moderation, indicators, conflicts. */
export const COORDINATION: Theme = {
  questions: [
    'Comment gérer un conflit entre deux bénévoles à {city} ?',
    'Quels indicateurs suivre pour {mission} ?',
    'Comment répartir les créneaux {de:mission} sans épuiser toujours les mêmes ?',
    'Qui valide les nouvelles missions proposées à {city} ?',
    'Comment réagir à un message agressif dans le groupe {de:mission} ?',
    'Quand proposer de scinder un groupe devenu trop grand ?',
  ],
  discussions: [
    'Point mensuel des référents : {month}',
    'Tableau de bord du trimestre à {city} : premières tendances',
    'Modération : le rappel diplomatique plutôt que la suppression',
    'Bénévoles inactifs depuis {n} mois : comment les relancer ?',
    'Préparation du séminaire des référents à {city}',
    'Accueil des nouveaux : qui répond en moins de 48 heures ?',
    'Mises en relation proposées pour {mission}',
  ],
  openings: [
    'Petit point avant la réunion des référents de {weekday}.',
    'Nous avons eu une situation délicate cette semaine à {city}.',
    'Le nombre de nouveaux inscrits a presque doublé depuis {event}.',
    "Je prépare le bilan trimestriel pour le conseil d'administration.",
    'Plusieurs groupes dépassent maintenant vingt-cinq membres actifs.',
  ],
  tips: [
    'répondre à chaque nouvel arrivant sous 48 heures',
    'un message privé avant toute sanction',
    'un bilan court par groupe chaque mois',
    'des chiffres **agrégés**, jamais de surveillance individuelle',
    'repérer les personnes qui répondent souvent et les remercier',
  ],
  answers: [
    "Un échange en privé d'abord, avec chacune des deux personnes, puis une rencontre à trois si besoin.",
    'Je suivrais le délai de première réponse et la part de nouveaux qui reviennent après un mois.',
    'Au-delà de vingt-cinq personnes actives, les échanges se diluent : je proposerais deux groupes.',
    'Un rappel à la charte, en privé et avec le sourire, règle neuf situations sur dix.',
    'On peut relancer les inactifs avec un simple « on pense à toi », sans pression.',
    "Je m'occupe de la synthèse pour {city} d'ici {weekday}.",
    "Ne présentons que des chiffres agrégés à la direction : un référent n'est pas là pour surveiller.",
  ],
  links: [
    ['Guide de modération', 'guide-moderation'],
    ['Indicateurs du réseau', 'indicateurs'],
  ],
};
