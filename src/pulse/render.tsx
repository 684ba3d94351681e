import { render } from 'preact-render-to-string';
import { createI18n, type Locale, type Translate } from '../i18n/index.js';
import type { Place } from './activity.js';
import type { Pulse, PulseTopic } from './build.js';
import type { Frequency } from './kinds.js';
import { pulseMessages } from './messages.js';
import { pulseSettingsPath } from './paths.js';

const i18n = createI18n([pulseMessages]);

/** What a pulse's e-mail carries: its subject, and the same content as text and as HTML. */
export interface ComposedPulse {
  subject: string;
  text: string;
  html: string;
}

export interface RenderOptions {
  locale: Locale;
  /** The member's display name. */
  name: string;
  frequency: Exclude<Frequency, 'never'>;
  publicUrl: string;
  /** The opaque id of this pulse, carried by its links so a click counts; null for a preview. */
  token: string | null;
}

type Link = (path: string, place: { communityId: number; groupId: number | null }) => string;

/** Absolute links, marked `?via=pulse&p=<token>.<community>.<group>` so that a click counts. */
function linkMaker(publicUrl: string, token: string | null): Link {
  return (path, place) => {
    const url = absolute(publicUrl, path);
    if (token === null) return url.toString();
    const marker = `via=pulse&p=${token}.${place.communityId}.${place.groupId ?? 0}`;
    // The token is base64url and the rest digits: nothing to escape, and no URL to rebuild for
    // each of a run's hundreds of thousands of links.
    if (url.search === '') return `${url.origin}${url.pathname}?${marker}${url.hash}`;
    const marked = new URL(url);
    marked.searchParams.set('via', 'pulse');
    marked.searchParams.set('p', `${token}.${place.communityId}.${place.groupId ?? 0}`);
    return marked.toString();
  };
}

// The same topics and places are linked from many members' pulses: each URL is parsed once.
const parsed = new Map<string, URL>();
function absolute(publicUrl: string, path: string): URL {
  const key = `${publicUrl} ${path}`;
  let url = parsed.get(key);
  if (!url) {
    if (parsed.size > 50_000) parsed.clear();
    parsed.set(key, (url = new URL(path, publicUrl)));
  }
  return url;
}

export function composePulse(pulse: Pulse, options: RenderOptions): ComposedPulse {
  const t = i18n.translator(options.locale);
  const link = linkMaker(options.publicUrl, options.token);
  const [community = '', ...others] = pulse.communities;
  const subject = t('pulse.subject', {
    community,
    others: others.length,
    frequency: options.frequency,
  });
  const settings = new URL(pulseSettingsPath, options.publicUrl).toString();
  return {
    subject,
    text: pulseText(pulse, t, link, options, settings),
    html: `<!doctype html>${render(<PulseHtml pulse={pulse} t={t} link={link} options={options} settings={settings} subject={subject} />)}`,
  };
}

function topicLine(t: Translate, topic: PulseTopic): string {
  const title = topic.isPinned ? t('pulse.pinnedTitle', { title: topic.title }) : topic.title;
  const posts = topic.posts > 0 ? ` (${t('pulse.posts', { count: topic.posts })})` : '';
  return `${title}${posts}`;
}

function placeName(place: Place): string {
  return place.groupId === null ? place.name : `${place.name} (${place.communityName})`;
}

function pulseText(
  pulse: Pulse,
  t: Translate,
  link: Link,
  o: RenderOptions,
  settings: string,
): string {
  const lines = [
    t('pulse.hello', { name: o.name }),
    '',
    t('pulse.intro', { frequency: o.frequency }),
  ];
  const { questions, newcomers } = pulse.needsYou;
  if (questions.length > 0 || newcomers.length > 0) {
    lines.push('', `## ${t('pulse.needsYou')}`);
    if (questions.length > 0) {
      lines.push('', t('pulse.questions'));
      for (const q of questions) lines.push(`- ${q.title}`, `  ${link(q.path, q.place)}`);
    }
    if (newcomers.length > 0) {
      lines.push('', t('pulse.newcomers'));
      for (const n of newcomers)
        lines.push(
          `- ${t('pulse.newcomerIn', { name: n.displayName, place: n.place.name })}`,
          `  ${link(n.path, n.place)}`,
        );
    }
  }
  for (const s of pulse.spaces) {
    lines.push('', `## ${placeName(s.place)}`, t('pulse.figures', s.figures));
    for (const topic of s.topics)
      lines.push(`- ${topicLine(t, topic)}`, `  ${link(topic.path, s.place)}`);
  }
  if (pulse.thanks.length > 0) {
    lines.push('', `## ${t('pulse.thanks')}`);
    for (const th of pulse.thanks) {
      lines.push(
        `- ${t('pulse.thanksLine', { name: th.by[0]?.displayName ?? '', others: th.by.length - 1, title: th.title })}`,
        `  ${link(th.path, th)}`,
      );
    }
  }
  lines.push('', '--', t('pulse.footer', { frequency: o.frequency, link: settings }));
  return `${lines.join('\n')}\n`;
}

function PulseHtml(props: {
  pulse: Pulse;
  t: Translate;
  link: Link;
  options: RenderOptions;
  settings: string;
  subject: string;
}) {
  const { pulse, t, link, options: o } = props;
  const { questions, newcomers } = pulse.needsYou;
  return (
    <html lang={o.locale}>
      <head>
        <meta charset="utf-8" />
        <title>{props.subject}</title>
      </head>
      <body>
        <p>{t('pulse.hello', { name: o.name })}</p>
        <p>{t('pulse.intro', { frequency: o.frequency })}</p>
        {(questions.length > 0 || newcomers.length > 0) && (
          <section>
            <h2>{t('pulse.needsYou')}</h2>
            {questions.length > 0 && (
              <>
                <p>{t('pulse.questions')}</p>
                <ul>
                  {questions.map((q) => (
                    <li key={q.id}>
                      <a href={link(q.path, q.place)}>{q.title}</a>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {newcomers.length > 0 && (
              <>
                <p>{t('pulse.newcomers')}</p>
                <ul>
                  {newcomers.map((n) => (
                    <li key={`${n.id}-${n.place.path}`}>
                      <a href={link(n.path, n.place)}>
                        {t('pulse.newcomerIn', { name: n.displayName, place: n.place.name })}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        )}
        {pulse.spaces.map((s) => (
          <section key={s.place.path}>
            <h2>
              <a href={link(s.place.path, s.place)}>{placeName(s.place)}</a>
            </h2>
            <p>{t('pulse.figures', s.figures)}</p>
            <ul>
              {s.topics.map((topic) => (
                <li key={topic.id}>
                  <a href={link(topic.path, s.place)}>
                    {topic.isPinned ? t('pulse.pinnedTitle', { title: topic.title }) : topic.title}
                  </a>
                  {topic.posts > 0 && ` (${t('pulse.posts', { count: topic.posts })})`}
                </li>
              ))}
            </ul>
          </section>
        ))}
        {pulse.thanks.length > 0 && (
          <section>
            <h2>{t('pulse.thanks')}</h2>
            <ul>
              {pulse.thanks.map((th) => (
                <li key={`${th.topicId}-${th.replyId ?? 0}`}>
                  <a href={link(th.path, th)}>
                    {t('pulse.thanksLine', {
                      name: th.by[0]?.displayName ?? '',
                      others: th.by.length - 1,
                      title: th.title,
                    })}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
        <hr />
        <p>
          {t('pulse.footer', { frequency: o.frequency, link: '' })}
          <a href={props.settings}>{props.settings}</a>
        </p>
      </body>
    </html>
  );
}
