import type { Random } from './random.js';
import { VOCABULARY, isSlot } from './vocabulary.js';

/**
 * Fills `{slot}`, `{de:slot}` and `{a:slot}` holes. A slot keeps its first value inside one
 * topic (its `bound` map), so the title, the body and the replies speak of the same city or event.
 */
export interface FillContext {
  rng: Random;
  bound: Map<string, string>;
}

const TOKEN = /\{(?:(de|a):)?(\w+)\}/g;

export function fill(template: string, ctx: FillContext): string {
  const text = template.replace(TOKEN, (_match, prep: string | undefined, name: string) => {
    const value = resolve(name, ctx);
    if (prep === 'de') return withDe(value);
    if (prep === 'a') return withA(value);
    return value;
  });
  return capitalize(text);
}

function resolve(name: string, ctx: FillContext): string {
  const known = ctx.bound.get(name);
  if (known !== undefined) return known;
  const { rng } = ctx;
  let value: string;
  if (name === 'n') value = String(rng.int(2, 12));
  else if (name === 'count') value = String(rng.int(3, 16) * 5);
  else if (name === 'ticket') value = String(rng.int(1200, 9800));
  else if (isSlot(name)) value = rng.pick(VOCABULARY[name]);
  else throw new Error(`unknown template slot {${name}}`);
  ctx.bound.set(name, value);
  return value;
}

/** « de » contracted with the article: du forum, des seniors, de l'atelier, d'avril. */
export function withDe(phrase: string): string {
  if (phrase.startsWith('le ')) return `du ${phrase.slice(3)}`;
  if (phrase.startsWith('les ')) return `des ${phrase.slice(4)}`;
  if (/^[aeiouyhéèêàâîôûAEIOUYHÉÈÊÀÂÎÔÛ]/.test(phrase)) return `d'${phrase}`;
  return `de ${phrase}`;
}

/** « à » contracted with the article: au forum, aux seniors, à la collecte, à l'atelier. */
export function withA(phrase: string): string {
  if (phrase.startsWith('le ')) return `au ${phrase.slice(3)}`;
  if (phrase.startsWith('les ')) return `aux ${phrase.slice(4)}`;
  return `à ${phrase}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
