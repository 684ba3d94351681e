import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
import { withPreposition, type Preposition } from './french.js';

export type Params = Record<string, string | number>;
export type Render = (params: Params | undefined) => string;

/**
 * Compiles one catalogue message, once, into a function of its parameters. Messages are ICU
 * MessageFormat (docs/decisions/003-icu-messages.md):
 * - `{count, plural, one {# réponse} other {# réponses}}` picks the form by the locale's CLDR
 *   rules (in French 0 and 1 are "one"), `#` and plain `{n}` write numbers the reader's way;
 * - a straight apostrophe is always an apostrophe: catalogues write "l'instance" as French
 *   does, so ICU's quoting (where `'{` escapes the brace) is turned off by doubling them;
 * - in French, "de {name}" and "à {name}" contract with the value (./french.ts).
 */
export function compileMessage(locale: string, template: string, fallback: string): Render {
  if (!template.includes('{')) return () => template;
  let ast: MessageFormatElement[];
  try {
    ast = parse(template.replaceAll("'", "''"), { ignoreTag: true });
  } catch {
    // A malformed message shows itself, as a missing one does, rather than failing the page.
    return () => fallback;
  }
  const numeric = new Set<string>();
  collectNumeric(ast, numeric);
  const contracted = new Map<string, { name: string; prep: Preposition }>();
  const elements = rewrite(ast, numeric, locale === 'fr' ? contracted : undefined);
  const simple = new Set<string>();
  collectSimple(ast, simple);
  const format = new IntlMessageFormat(elements, locale, undefined, { formatters });
  // A plural given a text rather than a number (a figure hidden from a sponsor, a dash) reads
  // in its "other" form, the text where the number would be: one variant per such set of names.
  const textual = new Map<string, IntlMessageFormat>();
  const variant = (names: string[]) => {
    const key = names.join(',');
    let f = textual.get(key);
    if (!f) {
      f = new IntlMessageFormat(asText(elements, new Set(names)), locale, undefined, {
        formatters,
      });
      textual.set(key, f);
    }
    return f;
  };

  return (params = {}) => {
    const values: Record<string, string | number> = {};
    for (const name of simple) values[name] = `{${name}}`;
    const texts: string[] = [];
    for (const [name, value] of Object.entries(params)) {
      if (typeof value === 'number') {
        values[name] = numeric.has(name) ? value : numberFormat(locale).format(value);
      } else {
        values[name] = value;
        if (numeric.has(name)) texts.push(name);
      }
    }
    for (const [key, { name, prep }] of contracted) {
      const value = values[name];
      values[key] = withPreposition(prep, typeof value === 'string' ? value : String(value));
    }
    try {
      return String((texts.length ? variant(texts.sort()) : format).format(values));
    } catch {
      // A plural whose number is missing.
      return fallback;
    }
  };
}

export type PlaceholderKind = 'plural' | 'number' | 'select' | 'text';

/**
 * The placeholders of a catalogue message and how it reads each: a number (plural, number) or
 * a text (select, plain). Throws when the message is not valid ICU MessageFormat.
 */
export function placeholdersOf(template: string): Map<string, PlaceholderKind> {
  const found = new Map<string, PlaceholderKind>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.plural) found.set(el.value, 'plural');
      else if (el.type === TYPE.number) found.set(el.value, 'number');
      else if (el.type === TYPE.select) found.set(el.value, 'select');
      else if (el.type === TYPE.argument && !found.has(el.value)) found.set(el.value, 'text');
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        for (const option of Object.values(el.options)) walk(option.value);
      }
    }
  };
  walk(parse(template.replaceAll("'", "''"), { ignoreTag: true }));
  return found;
}

/** The names a message reads as numbers: those of its plurals and `{n, number}` arguments. */
function collectNumeric(elements: MessageFormatElement[], into: Set<string>): void {
  for (const el of elements) {
    if (el.type === TYPE.plural || el.type === TYPE.number) into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) collectNumeric(option.value, into);
    }
  }
}

function collectSimple(elements: MessageFormatElement[], into: Set<string>): void {
  for (const el of elements) {
    if (el.type === TYPE.argument) into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) collectSimple(option.value, into);
    }
  }
}

// "de " or "à " closing a literal, as a word of its own, just before a placeholder.
const PREPOSITION = /(^|[\s(«“‘’'])(de|De|à|À) $/u;

/**
 * A plain `{count}` whose name a plural also reads becomes `{count, number}`: written the
 * reader's way, where a plain argument would print the raw number. In French, "de {name}"
 * becomes `{name·de}`, whose value the format step contracts (see `withPreposition`).
 */
function rewrite(
  elements: MessageFormatElement[],
  numeric: Set<string>,
  contracted: Map<string, { name: string; prep: Preposition }> | undefined,
): MessageFormatElement[] {
  const out: MessageFormatElement[] = [];
  for (const el of elements) {
    if (el.type === TYPE.argument && numeric.has(el.value)) {
      out.push({ type: TYPE.number, value: el.value, style: null });
      continue;
    }
    const previous = out[out.length - 1];
    const prep =
      contracted && el.type === TYPE.argument && previous?.type === TYPE.literal
        ? PREPOSITION.exec(previous.value)
        : null;
    if (el.type === TYPE.argument && previous?.type === TYPE.literal && prep) {
      const word = prep[2] as Preposition;
      const key = `${el.value}·${word}`;
      contracted?.set(key, { name: el.value, prep: word });
      out[out.length - 1] = { ...previous, value: previous.value.slice(0, -word.length - 1) };
      out.push({ type: TYPE.argument, value: key });
      continue;
    }
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(el.options).map(([k, o]) => [
          k,
          { ...o, value: rewrite(o.value, numeric, contracted) },
        ]),
      );
      out.push({ ...el, options });
      continue;
    }
    out.push(el);
  }
  return out;
}

/** The message with the plurals of `names` in their "other" form, their number as plain text. */
function asText(
  elements: MessageFormatElement[],
  names: Set<string>,
  pound?: string,
): MessageFormatElement[] {
  return elements.flatMap((el): MessageFormatElement[] => {
    if (el.type === TYPE.pound && pound) return [{ type: TYPE.argument, value: pound }];
    if (el.type === TYPE.number && names.has(el.value)) {
      return [{ type: TYPE.argument, value: el.value }];
    }
    if (el.type === TYPE.plural && names.has(el.value)) {
      return asText(el.options.other?.value ?? [], names, el.value);
    }
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const inner = el.type === TYPE.plural ? undefined : pound;
      const options = Object.fromEntries(
        Object.entries(el.options).map(([k, o]) => [
          k,
          { ...o, value: asText(o.value, names, inner) },
        ]),
      );
      return [{ ...el, options }];
    }
    return [el];
  });
}

// Building an Intl formatter costs far more than using one: every message shares these.
const kept = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();

function keep<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(
  key: string,
  make: () => F,
): F {
  let f = kept.get(key) as F | undefined;
  if (!f) {
    f = make();
    kept.set(key, f);
  }
  return f;
}

function numberFormat(locale: string): Intl.NumberFormat {
  return keep(`n:${locale}`, () => new Intl.NumberFormat(locale));
}

const formatters: Formatters = {
  getNumberFormat: (locales, opts) =>
    keep(
      `n:${String(locales)}${opts ? JSON.stringify(opts) : ''}`,
      () =>
        // The options' types are FormatJS's own, a superset of what Node 20's Intl takes.
        new Intl.NumberFormat(locales, opts as Intl.NumberFormatOptions),
    ),
  getDateTimeFormat: (locales, opts) =>
    keep(
      `d:${String(locales)}${JSON.stringify(opts ?? {})}`,
      () => new Intl.DateTimeFormat(locales, opts),
    ),
  getPluralRules: (locales, opts) =>
    keep(
      `p:${String(locales)}${JSON.stringify(opts ?? {})}`,
      () => new Intl.PluralRules(locales, opts),
    ),
};
