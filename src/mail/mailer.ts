import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import type { DkimConfig } from '../config/index.js';

export interface MailMessage {
  to: string;
  subject: string;
  /** The plain-text part: every email has one. */
  text: string;
  /** The HTML part (src/mail/layout.tsx), alongside the text. */
  html?: string;
  /** Extra header fields: `List-Unsubscribe`, `List-Unsubscribe-Post`… */
  headers?: Record<string, string>;
  /** A display name for the From address ("Jardin partagé"), where the email is about one community. */
  fromName?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /**
   * False without SMTP_URL: a message then only goes to the log, which suits a password reset on
   * a fresh install but not a notification or a pulse to every member, so those are not made.
   */
  readonly delivers: boolean;
}

interface Logger {
  info(obj: object, msg: string): void;
}

// nodemailer's own list, with RFC 8058's List-Unsubscribe-Post: a receiver honours one-click
// unsubscription only when the signature covers both List-Unsubscribe fields.
const SIGNED_FIELDS = [
  'From:Sender:Reply-To:Subject:Date:Message-ID:To:Cc:MIME-Version:Content-Type',
  'Content-Transfer-Encoding:Content-ID:Content-Description:In-Reply-To:References',
  'List-Id:List-Help:List-Unsubscribe:List-Unsubscribe-Post:List-Subscribe:List-Post',
  'List-Owner:List-Archive',
].join(':');

/**
 * Sends through SMTP when SMTP_URL is set, DKIM-signed when a key is configured; otherwise
 * writes the message's subject and text to the server log, so a fresh install can still reset a
 * password. The key is handed to nodemailer only, never logged.
 */
export function createMailer(options: {
  smtpUrl: string | undefined;
  from: string;
  dkim?: DkimConfig | undefined;
  log: Logger;
}): Mailer {
  if (!options.smtpUrl) {
    return {
      delivers: false,
      send(message) {
        const { to, subject, text } = message;
        options.log.info(
          { mail: { to, subject, text } },
          `mail not sent (no SMTP_URL): ${subject}`,
        );
        return Promise.resolve();
      },
    };
  }
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    ...(options.dkim ? { dkim: { ...options.dkim, headerFieldNames: SIGNED_FIELDS } } : {}),
  });
  const from = addressparser(options.from, { flatten: true })[0];
  return {
    delivers: true,
    async send({ fromName, ...message }) {
      const sender =
        fromName && from
          ? { name: `${fromName} (${from.name || 'Ruche'})`, address: from.address }
          : options.from;
      await transport.sendMail({ ...message, from: sender });
    },
  };
}
