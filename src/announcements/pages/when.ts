import type { Locale } from '../../i18n/index.js';

const formats = new Map<string, Intl.DateTimeFormat>();

const STYLES = {
  // "jeudi 4 mars 2027" / "Thursday, March 4, 2027"
  day: { dateStyle: 'full' },
  // "4 mars 2027 à 09:30"
  moment: { dateStyle: 'long', timeStyle: 'short' },
  // "mars 2027"
  month: { month: 'long', year: 'numeric' },
  // "4 mars 2027"
  date: { dateStyle: 'long' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/** An instant in the reader's words, on the community's clock. */
export function formatIn(
  locale: Locale,
  at: number,
  timeZone: string,
  style: keyof typeof STYLES,
): string {
  const key = `${locale}:${timeZone}:${style}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone });
    formats.set(key, f);
  }
  const parts = f.formatToParts(new Date(at));
  // French writes the first of the month "1er septembre"; Intl writes "1 septembre".
  return parts
    .map((p) => (locale === 'fr' && p.type === 'day' && p.value === '1' ? '1er' : p.value))
    .join('');
}

/** A calendar day "YYYY-MM-DD" in the reader's words (days are counted at midnight UTC). */
export function formatDay(locale: Locale, day: string, style: 'day' | 'month' | 'date'): string {
  return formatIn(locale, Date.parse(`${day}T12:00:00Z`), 'UTC', style);
}
