import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import type { Locale, Translate } from '../i18n/index.js';

/** One line of an email: what happened, where to read it, and a short quote of it. */
export interface EmailItem {
  text: string;
  /** Absolute: an email is read outside the site. */
  href: string;
  /** Plain text (an excerpt): shown quoted, never as HTML. */
  quote?: string | null;
}

export interface EmailSection {
  heading?: string;
  items: EmailItem[];
}

/** What an email says, in the reader's language; the layout adds the frame and the footer. */
export interface EmailContent {
  locale: Locale;
  t: Translate;
  title: string;
  intro?: string;
  sections: EmailSection[];
  /** The one button ("Voir la conversation"). */
  action?: { label: string; href: string };
  /** Why this email came, and how to stop it (absolute links). */
  footer: { reason: string; unsubscribeUrl: string; preferencesUrl: string };
}

// Inline styles only: most mail clients drop <style> blocks. Colours keep a 4.5:1 contrast.
const body = 'margin:0;padding:0;background:#f6f5f1;';
const frame =
  'max-width:600px;margin:0 auto;padding:24px;background:#ffffff;color:#1f2328;' +
  'font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;';
const link = 'color:#0b5cad;text-decoration:underline;';
const quote = 'margin:8px 0 0;padding:0 0 0 12px;border-left:3px solid #d0cdc4;color:#4a4f55;';
const button =
  'display:inline-block;padding:10px 18px;background:#0b5cad;color:#ffffff;' +
  'text-decoration:none;border-radius:6px;font-weight:600;';
const small =
  'margin-top:32px;padding-top:16px;border-top:1px solid #e2e0d9;font-size:14px;color:#4a4f55;';

function Item({ item }: { item: EmailItem }) {
  return (
    <li style="margin:0 0 16px;">
      <a href={item.href} style={link}>
        {item.text}
      </a>
      {item.quote ? <blockquote style={quote}>{item.quote}</blockquote> : null}
    </li>
  );
}

function Frame(props: { c: EmailContent; children: ComponentChildren }) {
  const { c } = props;
  return (
    <html lang={c.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{c.title}</title>
      </head>
      <body style={body}>
        <main style={frame}>{props.children}</main>
      </body>
    </html>
  );
}

function Email({ c }: { c: EmailContent }) {
  return (
    <Frame c={c}>
      <h1 style="font-size:20px;margin:0 0 16px;">{c.title}</h1>
      {c.intro ? <p>{c.intro}</p> : null}
      {c.sections.map((s, i) => (
        <section key={i}>
          {s.heading ? <h2 style="font-size:17px;margin:24px 0 8px;">{s.heading}</h2> : null}
          <ul style="padding-left:20px;margin:0;">
            {s.items.map((item, j) => (
              <Item key={j} item={item} />
            ))}
          </ul>
        </section>
      ))}
      {c.action ? (
        <p style="margin:24px 0;">
          <a href={c.action.href} style={button}>
            {c.action.label}
          </a>
        </p>
      ) : null}
      <footer style={small}>
        <p style="margin:0 0 8px;">{c.footer.reason}</p>
        <p style="margin:0;">
          <a href={c.footer.unsubscribeUrl} style={link}>
            {c.t('mail.footer.unsubscribe')}
          </a>
          {' · '}
          <a href={c.footer.preferencesUrl} style={link}>
            {c.t('mail.footer.preferences')}
          </a>
        </p>
      </footer>
    </Frame>
  );
}

// French sets a space before the colon and inside its quotation marks.
const labelled = (locale: Locale, label: string, url: string) =>
  locale === 'fr' ? `${label} : ${url}` : `${label}: ${url}`;
const quoted = (locale: Locale, text: string) => (locale === 'fr' ? `« ${text} »` : `“${text}”`);

/** The text twin: the same words and links, for clients that show no HTML. */
function textOf(c: EmailContent): string {
  const lines: string[] = [c.title, ''];
  if (c.intro) lines.push(c.intro, '');
  for (const s of c.sections) {
    if (s.heading) lines.push(s.heading, '');
    for (const item of s.items) {
      lines.push(`- ${item.text}`);
      if (item.quote) lines.push(`  ${quoted(c.locale, item.quote)}`);
      lines.push(`  ${item.href}`, '');
    }
  }
  if (c.action) lines.push(labelled(c.locale, c.action.label, c.action.href), '');
  lines.push(
    '-- ',
    c.footer.reason,
    labelled(c.locale, c.t('mail.footer.unsubscribe'), c.footer.unsubscribeUrl),
    labelled(c.locale, c.t('mail.footer.preferences'), c.footer.preferencesUrl),
  );
  return lines.join('\n');
}

/**
 * An email's HTML and text parts. Preact escapes every string, so a title or a quote written
 * by a member can never become markup.
 */
export function renderEmail(c: EmailContent): { html: string; text: string } {
  return { html: `<!doctype html>${render(<Email c={c} />)}`, text: textOf(c) };
}
