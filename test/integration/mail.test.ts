import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../client.js';
import { PASSWORD, mailsTo, newMember } from '../fixtures.js';
import { startTestApp, type TestApp } from '../harness.js';
import { startSmtp, type Received } from '../smtp.js';

/** A real SMTP conversation on loopback: what Ruche sends is what a mail server receives. */
describe('password reset by email over SMTP', () => {
  const received: Received[] = [];
  let smtp: SMTPServer;
  let t: TestApp;

  beforeAll(async () => {
    const sink = await startSmtp(received);
    smtp = sink.smtp;
    t = await startTestApp(
      'sqlite',
      { SMTP_URL: sink.url, MAIL_FROM: 'Ruche <ruche@example.test>' },
      undefined,
      { realMailer: true },
    );
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  it('mails a working link in the reader’s language, and nothing for an unknown address', async () => {
    const m = await newMember(t);
    const anon = new Client(t.url);
    const unknown = await anon.api('POST', '/auth/password/forgot', {
      email: 'nobody@example.test',
    });
    expect(unknown.status).toBe(202);
    const res = await anon.api(
      'POST',
      '/auth/password/forgot',
      { email: m.email },
      { 'accept-language': 'en-GB,en;q=0.9' },
    );
    expect(res.status).toBe(202);
    await mailsTo(received, m.email);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ to: m.email, subject: 'Ruche: choose a new password' });
    const token = /token=([\w%-]+)/.exec(received[0]?.text ?? '')?.[1] ?? '';
    const reset = await anon.api('POST', '/auth/password/reset', {
      token: decodeURIComponent(token),
      password: 'changed-by-email-link',
    });
    expect(reset.status).toBe(204);
    expect(
      (await anon.api('POST', '/auth/signin', { email: m.email, password: PASSWORD })).status,
    ).toBe(401);
    expect(
      (
        await anon.api('POST', '/auth/signin', {
          email: m.email,
          password: 'changed-by-email-link',
        })
      ).status,
    ).toBe(200);
  });
});
