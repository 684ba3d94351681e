import type { Locale } from '../i18n/index.js';

/**
 * The cockpit's "write to them" drafts, in one place: one per list that names people to write
 * to, in French and English, with `{name}` and `{community}`. The animator reads and edits the
 * draft in the message form before anything is sent.
 */
export const outreachKinds = ['quiet_pillar', 'churned_member'] as const;
export type OutreachKind = (typeof outreachKinds)[number];

export const outreachTemplates: Record<OutreachKind, Record<Locale, string>> = {
  quiet_pillar: {
    fr: [
      'Bonjour {name},',
      '',
      'On ne vous voit plus beaucoup dans « {community} » ces derniers temps, et vos messages nous manquent ! Vos réponses ont beaucoup aidé.',
      'Tout va bien ? Si quelque chose vous a retenu ou déplu, dites-le-nous simplement en répondant à ce message.',
      '',
      'À bientôt, j’espère !',
    ].join('\n'),
    en: [
      'Hello {name},',
      '',
      'We have not seen much of you in “{community}” lately, and we miss your posts! Your answers have helped a lot.',
      'Is everything all right? If something kept you away or bothered you, just tell us by replying to this message.',
      '',
      'Hope to see you soon!',
    ].join('\n'),
  },
  churned_member: {
    fr: [
      'Bonjour {name},',
      '',
      'Cela fait un moment que vous n’êtes pas passé·e dans « {community} ». Nous serions heureux de vous y revoir.',
      'Si quelque chose vous a manqué ou gêné, votre avis nous aiderait : il suffit de répondre à ce message.',
      '',
      'Bien à vous,',
    ].join('\n'),
    en: [
      'Hello {name},',
      '',
      'It has been a while since you last came by “{community}”. We would be glad to see you again.',
      'If something was missing or got in your way, your opinion would help us: just reply to this message.',
      '',
      'Best wishes,',
    ].join('\n'),
  },
};

/** A draft for one member: the template of the kind in `locale`, its variables filled in. */
export function outreachDraft(
  kind: OutreachKind,
  locale: Locale,
  values: { name: string; community: string },
): string {
  return outreachTemplates[kind][locale]
    .replaceAll('{name}', values.name)
    .replaceAll('{community}', values.community);
}
