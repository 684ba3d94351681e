import type { Theme } from './theme.js';

/** « Support partenaires »: tickets from partner companies and local authorities. */
export const PARTNER_SUPPORT: Theme = {
  questions: [
    "Impossible de me connecter à l'espace partenaire depuis {weekday}",
    'Comment ajouter un nouveau référent pour {partner} ?',
    'Comment exporter les heures de bénévolat de nos salariés ?',
    "Erreur à l'import CSV des inscriptions : dates refusées",
    'Quand recevrons-nous {doc} pour {partner} ?',
    'Ticket n° {ticket} : toujours sans réponse ?',
    'Nos salariés ne reçoivent pas les e-mails de confirmation ({partner})',
    'Comment publier une mission de bénévolat pour {partner} à {city} ?',
    'Peut-on réserver nos missions à nos salariés ?',
    'Où télécharger {doc} ?',
    "Comment supprimer les données d'un salarié parti {de:partner} ?",
    'Le tableau de bord affiche {count} heures au lieu du double, est-ce normal ?',
  ],
  discussions: [
    'Nouveauté : export des heures au format tableur',
    'Maintenance prévue le {weekday} soir',
    'Foire aux questions partenaires : mise à jour {de:month}',
    'Bienvenue à {partner} dans le réseau des partenaires',
    "Retour d'expérience : journée solidaire chez {partner}",
    'Délais de traitement des tickets : où en sommes-nous ?',
    'Protection des données : ce qui change pour les partenaires',
    'Rencontre des partenaires à {city} en {month}',
  ],
  openings: [
    "Bonjour, je m'occupe du programme de bénévolat chez {partner}.",
    'Depuis la dernière mise à jour, nous rencontrons un souci avec {tool}.',
    'Nous avons inscrit {count} salariés à des missions ce trimestre.',
    'Notre direction RSE nous demande {doc} avant la fin du mois.',
    'Nous ouvrons un site à {city} et voulons y proposer des missions.',
    'Petite question pratique avant notre journée solidaire {de:month}.',
  ],
  tips: [
    'le nom de votre structure',
    "le numéro de ticket, s'il existe",
    "une capture d'écran du message d'erreur",
    'le navigateur ou le téléphone utilisé',
    "la date et l'heure du problème",
  ],
  answers: [
    "Bonjour, merci pour votre message : je regarde avec l'équipe technique et je reviens vers vous aujourd'hui.",
    "C'est corrigé depuis ce matin, pouvez-vous vérifier de votre côté ?",
    'Le ticket n° {ticket} est bien ouvert, il est traité en priorité.',
    "Dans l'espace partenaire, menu **Équipe**, bouton « Ajouter un référent ».",
    "L'export se trouve dans **Rapports > Heures de bénévolat**, au format CSV.",
    "Les dates doivent être au format JJ/MM/AAAA dans le fichier d'import.",
    "Les e-mails arrivaient dans les indésirables : demandez à votre service informatique d'autoriser notre domaine.",
    '{doc} part sous quinze jours après la clôture du trimestre.',
    'Cochez « Mission interne » à la création : elle ne sera visible que de vos salariés.',
    'La suppression se fait depuis la fiche du salarié ; ses heures restent comptées de façon anonyme.',
    'Même souci chez nous la semaine dernière, réglé après une nouvelle connexion.',
  ],
  links: [
    ["Centre d'aide partenaires", 'aide-partenaires'],
    ['Statut de la plateforme', 'statut'],
  ],
};

/** « Mécénat de compétences »: pro bono missions and company solidarity days. */
export const SKILLS: Theme = {
  questions: [
    'Comment cadrer une mission de mécénat de compétences sur {skill} ?',
    'Combien de jours par an nos salariés peuvent-ils donner ?',
    'Qui a déjà accueilli un salarié {de:partner} en mission ?',
    'Comment valoriser une mission pro bono dans le bilan RSE ?',
    'Qui cherche un coup de main sur {skill} à {city} ?',
    "Comment évaluer l'impact d'une journée solidaire ?",
    'Mécénat de compétences et télétravail : est-ce compatible ?',
  ],
  discussions: [
    'Journée solidaire chez {partner} : {count} salariés mobilisés',
    "Retour sur une mission pro bono : {skill} pour l'antenne {de:city}",
    'Catalogue des missions de compétences {de:month}',
    '{partner} propose des ateliers sur {skill}',
    'Ce que le bénévolat de compétences a changé dans notre équipe',
  ],
  openings: [
    'Chez {partner}, plusieurs collègues souhaitent donner de leur temps sur {skill}.',
    'Nous avons accueilli {n} salariés en mécénat de compétences cette année.',
    "L'antenne {de:city} cherche un appui ponctuel sur {skill}.",
    'Notre journée solidaire est prévue en {month}.',
  ],
  tips: [
    'une fiche mission avec un livrable clair',
    'un interlocuteur unique côté association',
    'une durée courte pour commencer',
    'un bilan partagé à la fin',
  ],
  answers: [
    'Une mission réussie tient en une page : le besoin, le livrable, la durée et un contact.',
    "Chez nous, c'est deux jours par an et par salarié, sur le temps de travail.",
    "Nous avons accueilli une graphiste {de:partner} : trois demi-journées et une affiche qu'on utilise encore.",
    "Le plus simple pour l'impact : deux ou trois questions aux bénéficiaires avant et après.",
    'Beaucoup de missions se font très bien à distance, surtout sur {skill}.',
  ],
  links: [['Catalogue des missions', 'missions-competences']],
};

/** « Conventions et reçus »: agreements, amendments, tax receipts. */
export const AGREEMENTS: Theme = {
  questions: [
    'Quel délai pour signer {doc} ?',
    'Faut-il un avenant pour ajouter le site {de:city} ?',
    '{doc} mentionne un mauvais montant, comment le corriger ?',
    'Qui signe {doc} côté association ?',
    'Reçu fiscal pour un don en nature : quelle valeur indiquer ?',
    'Comment obtenir {doc} pour {partner} ?',
  ],
  discussions: [
    'Nouveau modèle de convention de partenariat',
    'Calendrier des reçus fiscaux : envoi en {month}',
    'Rappel : les pièces à fournir pour {doc}',
    'Partenariat renouvelé avec {partner}',
  ],
  openings: [
    "Nous renouvelons notre partenariat avec l'association pour une année.",
    "Notre service comptable attend {doc} pour clôturer l'exercice.",
    'Nous avons fait un don en nature après {event}.',
    'Le site {de:city} rejoint notre programme de bénévolat.',
  ],
  tips: ['le numéro SIRET', 'le montant et la date du don', 'le nom du signataire'],
  answers: [
    "La convention est signée par la présidente de l'association, comptez une dizaine de jours.",
    'Un avenant suffit, je vous envoie le modèle.',
    "Pour un don en nature, on retient la valeur en stock ou le prix de revient, justificatif à l'appui.",
    "{doc} est disponible dans l'espace documents, rubrique Partenariats.",
    "Je corrige le montant et je vous renvoie le document signé d'ici {weekday}.",
    "Les reçus fiscaux partent en une seule fois, en début d'année.",
  ],
  links: [['Modèles de conventions', 'modeles-conventions']],
};
