// An SMTP server on loopback for the tests: what Ruche sends is what a mail server receives,
// parsed as a mail client would (issue 22, done-when item 2).
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Each header field as it came, lowercase name → unfolded line. */
  lines: Map<string, string>;
}

/** An SMTP server on loopback that parses what it receives, as a mail server would. */
export async function startSmtp(received: Received[]) {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            to: [mail.to ?? []]
              .flat()
              .map((a) => a.text)
              .join(','),
            from: mail.from?.text ?? '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            lines: new Map(
              mail.headerLines.map((h) => [
                h.key,
                h.line
                  .slice(h.line.indexOf(':') + 1)
                  .replace(/\r?\n[ \t]+/g, ' ')
                  .trim(),
              ]),
            ),
          });
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return { smtp, url: `smtp://127.0.0.1:${port}` };
}

export function rawHeader(mail: Received | undefined, name: string): string {
  return mail?.lines.get(name) ?? '';
}
