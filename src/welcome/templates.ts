import type { Locale } from '../i18n/index.js';

/**
 * The welcome templates' one definition: the variables a template may use, and the default
 * French and English texts a community starts with (its animators edit them, welcome_templates).
 */
export const templateVariables = ['name', 'community', 'interests'] as const;
export type TemplateVariable = (typeof templateVariables)[number];

/** Longest template, under a private message's own limit once the variables are filled in. */
export const MAX_TEMPLATE = 5_000;

export const defaultTemplates: Record<Locale, string> = {
  fr: [
    'Bonjour {name},',
    '',
    'Bienvenue dans « {community} » ! Nous sommes ravis de vous compter parmi nous.',
    '{interests}',
    'N’hésitez pas à vous présenter et à poser vos questions : quelqu’un vous répondra. Et si vous avez besoin de quoi que ce soit, répondez simplement à ce message.',
    '',
    'À bientôt !',
  ].join('\n'),
  en: [
    'Hello {name},',
    '',
    'Welcome to “{community}”! We are glad to have you with us.',
    '{interests}',
    'Feel free to introduce yourself and ask your questions: someone will answer. And if you need anything, just reply to this message.',
    '',
    'See you soon!',
  ].join('\n'),
};

/**
 * What `{interests}` becomes: the product has no declared interests yet, so it is the line the
 * member wrote about themselves (their profile's bio), in their language; nothing without one.
 */
export const interestsLine: Record<Locale, (bio: string) => string> = {
  fr: (bio) => `Vous vous présentez ainsi : « ${bio} »`,
  en: (bio) => `You describe yourself as: “${bio}”`,
};

const VARIABLE = /\{([^{}]*)\}/g;

/** The variables a template names that do not exist ("{prenom}"), in the order written. */
export function unknownVariables(body: string): string[] {
  const known = new Set<string>(templateVariables);
  return [...body.matchAll(VARIABLE)]
    .map((m) => m[1] ?? '')
    .filter((name, i, all) => !known.has(name) && all.indexOf(name) === i);
}

/** The template with each variable replaced; `interests` is a line the member wrote, or nothing. */
export function renderTemplate(body: string, values: Record<TemplateVariable, string>): string {
  return body
    .replace(VARIABLE, (whole, name: string) =>
      (templateVariables as readonly string[]).includes(name)
        ? values[name as TemplateVariable]
        : whole,
    )
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A template filled in for one member of that language: `bio` becomes the interests line. */
export function fillTemplate(
  template: string,
  locale: Locale,
  values: { name: string; community: string; bio: string },
): string {
  return renderTemplate(template, {
    name: values.name,
    community: values.community,
    interests: values.bio === '' ? '' : interestsLine[locale](values.bio),
  });
}

/** The default welcome of a language, filled in: what the demo's animators sent. */
export function defaultWelcome(
  locale: Locale,
  values: { name: string; community: string; bio: string },
): string {
  return fillTemplate(defaultTemplates[locale], locale, values);
}
