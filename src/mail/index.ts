/**
 * Email plumbing: the mailer (SMTP, DKIM), the layout every email shares (HTML and its text
 * twin), and one-click unsubscription (RFC 8058): signed links, the lists members leave by them,
 * and the pages. Knows no feature: features register their lists and build their emails.
 */
export { createMailer, type MailMessage, type Mailer } from './mailer.js';
export { renderEmail, type EmailContent, type EmailItem, type EmailSection } from './layout.js';
export {
  createUnsubscribe,
  unsubscribePath,
  type MailList,
  type TokenReading,
  type Unsubscribe,
} from './unsubscribe.js';
export { registerUnsubscribePages } from './routes.js';
export { mailMessages } from './messages.js';
