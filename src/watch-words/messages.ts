import { defineMessages } from '../i18n/index.js';

const fr = {
  'watchWords.link': 'Mots surveillés',
  'watchWords.title': 'Mots surveillés de {community}',
  'watchWords.intro':
    'Des listes de mots ou d’expressions que l’équipe de la communauté surveille dans les sujets et les réponses, chacune avec son action : signaler le message pour relecture, le retenir avant qu’il ne soit visible, ou le refuser en expliquant pourquoi à son auteur.',
  'watchWords.syntax':
    'Un mot ou une expression par ligne. Les accents et les majuscules ne comptent pas (« arnaque » trouve « Arnaqué »), seuls les mots entiers sont trouvés (« con » ne trouve pas « conseil »). Une étoile au début ou à la fin d’un mot en remplace la suite : « arnaq* » trouve « arnaque » et « arnaqueurs ».',
  'watchWords.staff':
    'Ces listes s’appliquent à tout le monde, équipe comprise ; un message refusé n’est pas enregistré, son auteur garde son texte pour le reformuler.',
  'watchWords.empty': 'Aucune liste pour l’instant.',
  'watchWords.count': '{count, plural, =0 {aucune entrée} one {# entrée} other {# entrées}}',
  'watchWords.new': 'Nouvelle liste',
  'watchWords.field.name': 'Nom de la liste',
  'watchWords.field.action': 'Action',
  'watchWords.field.entries': 'Mots et expressions, un par ligne',
  'watchWords.field.messageFr': 'Message à l’auteur, en français',
  'watchWords.field.messageEn': 'Message à l’auteur, en anglais',
  'watchWords.messageHint':
    'Pour l’action « refuser » seulement. Laissé vide : le message par défaut. Les mots trouvés y remplacent {word}.',
  'watchWords.action.flag': 'Signaler pour relecture',
  'watchWords.action.hold': 'Retenir avant publication',
  'watchWords.action.block': 'Refuser, avec un message à l’auteur',
  'watchWords.save': 'Enregistrer la liste',
  'watchWords.create': 'Ajouter la liste',
  'watchWords.edit': 'Modifier la liste « {name} »',
  'watchWords.deleteTitle': 'Supprimer la liste « {name} »',
  'watchWords.deleteConfirm':
    'La liste « {name} » et ses {count, plural, one {# entrée} other {# entrées}} seront supprimées ; les messages déjà publiés ne changent pas.',
  'watchWords.deleteSubmit': 'Supprimer',
  'watchWords.back': 'Retour aux mots surveillés',
  'watchWords.flash.created': 'Liste ajoutée.',
  'watchWords.flash.saved': 'Liste enregistrée.',
  'watchWords.flash.deleted': 'Liste supprimée.',
  'watchWords.blocked': '{messageFr}',
  'watchWords.error.name':
    'Le nom de la liste doit contenir entre 1 et {max, plural, one {# caractère} other {# caractères}}.',
  'watchWords.error.tooManyLists':
    'Une communauté peut avoir au plus {max, plural, one {# liste} other {# listes}} de mots surveillés.',
  'watchWords.error.noEntries': 'La liste est vide : écrivez au moins un mot ou une expression.',
  'watchWords.error.emptyEntry': 'Une entrée de la liste est vide.',
  'watchWords.error.tooManyEntries':
    'Une liste peut contenir au plus {max, plural, one {# entrée} other {# entrées}}.',
  'watchWords.error.tooLong':
    'L’entrée « {entry} » est trop longue : {max, plural, one {# caractère} other {# caractères}} au plus.',
  'watchWords.error.onlyWildcard':
    'L’entrée « {entry} » n’a que des étoiles : écrivez le début ou la fin d’un mot avec l’étoile, comme « arnaq* ».',
  'watchWords.error.noWord': 'L’entrée « {entry} » ne contient aucun mot.',
  'watchWords.error.wildcardInside':
    'L’entrée « {entry} » a une étoile au milieu d’un mot : l’étoile ne peut être qu’au début ou à la fin d’un mot, comme « arnaq* ».',
  'watchWords.error.wildcardTooShort':
    'L’entrée « {entry} » trouverait trop de mots : une étoile demande au moins {min, plural, one {# lettre} other {# lettres}} à côté d’elle.',
  'watchWords.error.unsupportedCharacter':
    'L’entrée « {entry} » contient « {character} » : seuls les lettres, les chiffres, les espaces, les apostrophes, les traits d’union et l’étoile sont possibles.',
  'watchWords.error.messageLength':
    'Le message doit contenir au plus {max, plural, one {# caractère} other {# caractères}}.',
  'watchWords.error.unknownVariable':
    'La variable {variable} n’existe pas : seule {word} peut être utilisée.',
  'field.entries': 'Mots et expressions',
  'field.action': 'Action',
  'field.messageFr': 'Message à l’auteur, en français',
  'field.messageEn': 'Message à l’auteur, en anglais',
  'field.lists': 'Listes',
  'field.list': 'Liste',
  'field.defaultMessages': 'Messages par défaut',
  'field.updatedAt': 'Modifiée le',
  'field.listId': 'Liste',
};

const en: typeof fr = {
  'watchWords.link': 'Watch words',
  'watchWords.title': 'Watch words of {community}',
  'watchWords.intro':
    'Lists of words or phrases the community’s staff watch for in topics and replies, each with its action: flag the post for review, hold it before it is shown, or refuse it and tell its author why.',
  'watchWords.syntax':
    'One word or phrase per line. Accents and capitals do not matter (“arnaque” finds “Arnaqué”), only whole words are found (“con” does not find “conseil”). A star at the start or the end of a word stands for the rest of it: “arnaq*” finds “arnaque” and “arnaqueurs”.',
  'watchWords.staff':
    'These lists apply to everyone, staff included; a refused post is not saved, and its author keeps the text to rephrase it.',
  'watchWords.empty': 'No list yet.',
  'watchWords.count': '{count, plural, =0 {no entries} one {# entry} other {# entries}}',
  'watchWords.new': 'New list',
  'watchWords.field.name': 'Name of the list',
  'watchWords.field.action': 'Action',
  'watchWords.field.entries': 'Words and phrases, one per line',
  'watchWords.field.messageFr': 'Message to the author, in French',
  'watchWords.field.messageEn': 'Message to the author, in English',
  'watchWords.messageHint':
    'For the “refuse” action only. Left empty: the default message. The words found replace {word}.',
  'watchWords.action.flag': 'Flag for review',
  'watchWords.action.hold': 'Hold before it is shown',
  'watchWords.action.block': 'Refuse, with a message to the author',
  'watchWords.save': 'Save the list',
  'watchWords.create': 'Add the list',
  'watchWords.edit': 'Edit the list “{name}”',
  'watchWords.deleteTitle': 'Delete the list “{name}”',
  'watchWords.deleteConfirm':
    'The list “{name}” and its {count, plural, one {# entry} other {# entries}} will be deleted; posts already published do not change.',
  'watchWords.deleteSubmit': 'Delete',
  'watchWords.back': 'Back to the watch words',
  'watchWords.flash.created': 'List added.',
  'watchWords.flash.saved': 'List saved.',
  'watchWords.flash.deleted': 'List deleted.',
  'watchWords.blocked': '{messageEn}',
  'watchWords.error.name':
    'The name of the list must have between 1 and {max, plural, one {# character} other {# characters}}.',
  'watchWords.error.tooManyLists':
    'A community may have at most {max, plural, one {# watch word list} other {# watch word lists}}.',
  'watchWords.error.noEntries': 'The list is empty: write at least one word or phrase.',
  'watchWords.error.emptyEntry': 'An entry of the list is empty.',
  'watchWords.error.tooManyEntries':
    'A list may hold at most {max, plural, one {# entry} other {# entries}}.',
  'watchWords.error.tooLong':
    'The entry “{entry}” is too long: {max, plural, one {# character} other {# characters}} at most.',
  'watchWords.error.onlyWildcard':
    'The entry “{entry}” is only stars: write the start or the end of a word with the star, as in “arnaq*”.',
  'watchWords.error.noWord': 'The entry “{entry}” holds no word.',
  'watchWords.error.wildcardInside':
    'The entry “{entry}” has a star inside a word: a star may only be at the start or the end of a word, as in “arnaq*”.',
  'watchWords.error.wildcardTooShort':
    'The entry “{entry}” would find too many words: a star needs at least {min, plural, one {# letter} other {# letters}} beside it.',
  'watchWords.error.unsupportedCharacter':
    'The entry “{entry}” holds “{character}”: only letters, digits, spaces, apostrophes, hyphens and the star may be used.',
  'watchWords.error.messageLength':
    'The message must have at most {max, plural, one {# character} other {# characters}}.',
  'watchWords.error.unknownVariable': 'Unknown variable {variable}: only {word} may be used.',
  'field.entries': 'Words and phrases',
  'field.action': 'Action',
  'field.messageFr': 'Message to the author, in French',
  'field.messageEn': 'Message to the author, in English',
  'field.lists': 'Lists',
  'field.list': 'List',
  'field.defaultMessages': 'Default messages',
  'field.updatedAt': 'Updated on',
  'field.listId': 'List',
};

export const watchWordsMessages = defineMessages({ fr, en });
