import { fill } from './fill.js';
import type { Random } from './random.js';
import { TEXTS } from './texts.js';
import type { Theme } from './theme.js';

/**
 * Composes titles, bodies and replies. A Voice carries the topic's slot values (so replies stay
 * on subject) and a source of @mentions among the people present in the space.
 */
export interface Voice {
  rng: Random;
  bound: Map<string, string>;
  mention: () => string | undefined;
}

export function writeTopic(
  voice: Voice,
  theme: Theme,
  kind: 'question' | 'discussion',
  titles: ReadonlySet<string>,
): { title: string; body: string } {
  const { rng } = voice;
  const templates = kind === 'question' ? theme.questions : theme.discussions;
  let title = '';
  for (let attempt = 0; attempt < 60 && (title === '' || titles.has(title)); attempt++) {
    voice.bound.clear();
    title = fill(rng.pick(templates), voice);
  }
  // Rare fallback once the templates are worn out: a city keeps the title unique and plausible.
  for (let n = 2; titles.has(title); n++) title = `${title.replace(/ \(.*\)$/, '')} (${n})`;
  const parts = [line(voice, theme.openings)];
  if (rng.chance(0.6)) parts.push(line(voice, TEXTS.details));
  if (rng.chance(0.3)) parts.push(list(voice, theme.tips));
  parts.push(line(voice, kind === 'question' ? TEXTS.asks : TEXTS.prompts));
  if (rng.chance(0.2)) parts.push(link(voice, theme));
  return { title, body: parts.join('\n\n') };
}

export function writeAnswer(voice: Voice, theme: Theme, kind: 'question' | 'discussion'): string {
  const { rng } = voice;
  const parts: string[] = [];
  if (kind === 'discussion' && rng.chance(0.55)) parts.push(line(voice, TEXTS.agreements));
  if (kind === 'question' || parts.length === 0 || rng.chance(0.5)) {
    parts.push(line(voice, theme.answers));
  }
  if (kind === 'question' && rng.chance(0.3)) parts.push(line(voice, theme.answers));
  if (rng.chance(0.15)) parts.push(list(voice, theme.tips));
  if (rng.chance(0.1)) parts.push(link(voice, theme));
  if (kind === 'question' && rng.chance(0.3)) parts.push(line(voice, TEXTS.closers));
  return [...new Set(parts)].join('\n\n');
}

export function writeNested(voice: Voice, theme: Theme, parentHandle: string): string {
  const text = line(voice, TEXTS.nested);
  const more = voice.rng.chance(0.4) ? ` ${line(voice, theme.answers)}` : '';
  return `@${parentHandle} ${text}${more}`;
}

export function writeFollowUp(voice: Voice): string {
  return line(voice, TEXTS.followUps);
}

export function writeThanks(voice: Voice, helperHandle: string): string {
  return `Merci @${helperHandle}, ${voice.rng.pick(TEXTS.thanks)}`;
}

/** A self-introduction with its own city and mission: each newcomer has a different story. */
export function writeIntro(rng: Random): string {
  return fill(rng.pick(TEXTS.intros), { rng, bound: new Map() });
}

/** One filled sentence; templates needing a mention are skipped when nobody can be mentioned. */
function line(voice: Voice, templates: readonly string[]): string {
  let template = voice.rng.pick(templates);
  if (template.includes('{mention}')) {
    const handle = voice.mention();
    if (handle === undefined) {
      const plain = templates.filter((t) => !t.includes('{mention}'));
      template = plain.length > 0 ? voice.rng.pick(plain) : template.replace('{mention}', 'vous');
    } else template = template.replaceAll('{mention}', `@${handle}`);
  }
  return fill(template, voice);
}

function list(voice: Voice, tips: readonly string[]): string {
  const items = voice.rng.shuffle(tips).slice(0, voice.rng.int(2, Math.min(4, tips.length)));
  const intro = voice.rng.pick(TEXTS.listIntros);
  return [intro, '', ...items.map((item) => `- ${fill(item, voice)}`)].join('\n');
}

function link(voice: Voice, theme: Theme): string {
  const [label, path] = voice.rng.pick(theme.links);
  return `Plus d'infos : [${label}](https://example.org/${path}).`;
}
