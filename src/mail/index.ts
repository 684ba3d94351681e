import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

interface Logger {
  info(obj: object, msg: string): void;
}

/**
 * Sends through SMTP when SMTP_URL is set; otherwise writes the message to the server
 * log so a fresh install can still reset a password.
 */
export function createMailer(options: {
  smtpUrl: string | undefined;
  from: string;
  log: Logger;
}): Mailer {
  if (!options.smtpUrl) {
    return {
      send(message) {
        options.log.info({ mail: message }, `mail not sent (no SMTP_URL): ${message.subject}`);
        return Promise.resolve();
      },
    };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from: options.from, ...message });
    },
  };
}
