import { compileMessage, type Params, type Render } from './message.js';

export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'fr';

export type Messages = Record<string, string>;
/** A feature's strings: French and English must carry exactly the same keys. */
export type Catalogue<K extends string = string> = { fr: Record<K, string>; en: Record<K, string> };

export function defineMessages<K extends string>(c: Catalogue<K>): Catalogue<K> {
  return c;
}

export { placeholdersOf, type Params, type PlaceholderKind } from './message.js';
export { withPreposition, type Preposition } from './french.js';
export type Translate = (key: string, params?: Params) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Picks the first supported language of an Accept-Language header, by its q weights. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((r) => r.trim()).find((r) => r.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.lang).find(isLocale);
}

export interface I18n {
  translator(locale: Locale): Translate;
  keys(locale: Locale): string[];
  /** A key's message as the catalogue writes it (ICU MessageFormat), or undefined. */
  template(locale: Locale, key: string): string | undefined;
}

/**
 * Merges the features' catalogues; a missing key shows itself rather than failing the page.
 * Each message is compiled (./message.ts) the first time it is asked for, then kept.
 */
export function createI18n(catalogues: Catalogue[]): I18n {
  const merged: Record<Locale, Messages> = { fr: {}, en: {} };
  for (const c of catalogues) {
    Object.assign(merged.fr, c.fr);
    Object.assign(merged.en, c.en);
  }
  const compiled: Record<Locale, Map<string, Render>> = { fr: new Map(), en: new Map() };
  const translators = new Map<Locale, Translate>();
  return {
    translator(locale) {
      let t = translators.get(locale);
      if (t) return t;
      const messages = merged[locale];
      const cache = compiled[locale];
      t = (key, params) => {
        let render = cache.get(key);
        if (!render) {
          const template = messages[key];
          // Only the catalogue's keys are kept: a key built from input must not grow the cache.
          if (template === undefined) return key;
          render = compileMessage(locale, template, key);
          cache.set(key, render);
        }
        return render(params);
      };
      translators.set(locale, t);
      return t;
    },
    keys(locale) {
      return Object.keys(merged[locale]);
    },
    template(locale, key) {
      return merged[locale][key];
    },
  };
}

// Building an Intl formatter costs far more than using one: each is made once, by its key
// (locale and style), and kept.
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function kept<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let f = formats.get(key) as F | undefined;
  if (!f) {
    f = make();
    formats.set(key, f);
  }
  return f;
}

export function formatDate(locale: Locale, epochMs: number): string {
  return kept(
    `date:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(new Date(epochMs));
}

// The analytics count in whole UTC days: a day or a month of theirs is shown as such, without
// an hour, and never shifted into the day before by the server's time zone.
const CALENDAR = {
  day: { dateStyle: 'long', timeZone: 'UTC' },
  mediumDay: { dateStyle: 'medium', timeZone: 'UTC' },
  shortDay: { day: 'numeric', month: 'short', timeZone: 'UTC' },
  month: { month: 'short', year: 'numeric', timeZone: 'UTC' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * A calendar day or month of the analytics in the reader's words: `day` "6 septembre 2026",
 * `mediumDay` "6 sept. 2026", `shortDay` "6 sept.", `month` "sept. 2026" (fr); "September 6,
 * 2026", "Sep 6, 2026", "Sep 6", "Sep 2026" (en).
 */
export function formatCalendar(
  locale: Locale,
  epochMs: number,
  unit: keyof typeof CALENDAR,
): string {
  const f = kept(
    `calendar:${locale}:${unit}`,
    () => new Intl.DateTimeFormat(locale, CALENDAR[unit]),
  );
  const date = new Date(epochMs);
  if (locale !== 'fr' || date.getUTCDate() !== 1) return f.format(date);
  // French writes the first of the month "1er septembre"; Intl writes "1 septembre".
  return f
    .formatToParts(date)
    .map((part) => (part.type === 'day' ? `${part.value}er` : part.value))
    .join('');
}

const NUMBER_STYLES = {
  whole: {},
  percent: { style: 'percent', maximumFractionDigits: 0 },
  decimal: { maximumFractionDigits: 1 },
  coefficient: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
} satisfies Record<string, Intl.NumberFormatOptions>;

function numberFormat(locale: Locale, style: keyof typeof NUMBER_STYLES): Intl.NumberFormat {
  return kept(
    `number:${locale}:${style}`,
    () => new Intl.NumberFormat(locale, NUMBER_STYLES[style]),
  );
}

/** 1341 → "1 341" (fr) or "1,341" (en). */
export function formatNumber(locale: Locale, n: number): string {
  return numberFormat(locale, 'whole').format(n);
}

/** 0.256 → "26 %" (fr) or "26%" (en). */
export function formatPercent(locale: Locale, share: number): string {
  return numberFormat(locale, 'percent').format(share);
}

/** A measure with at most one decimal: 17.5 → "17,5" (fr). */
export function formatDecimal(locale: Locale, n: number): string {
  return numberFormat(locale, 'decimal').format(n);
}

/** A coefficient or ratio around 1, always with two decimals: 0.537 → "0,54" (fr), 1 → "1.00" (en). */
export function formatCoefficient(locale: Locale, n: number): string {
  return numberFormat(locale, 'coefficient').format(n);
}
