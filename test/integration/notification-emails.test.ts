import { generateKeyPairSync } from 'node:crypto';
import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { openJobs, type JobLog, type Jobs } from '../../src/jobs/index.js';
import { createMailer, createUnsubscribe } from '../../src/mail/index.js';
import { Client } from '../client.js';
import { join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import {
  createTestStore,
  databases,
  startTestApp,
  type TestApp,
  type TestStore,
} from '../harness.js';
import { htmlProblems } from '../html.js';
import { rawHeader, startSmtp, type Received } from '../smtp.js';

type Member = Awaited<ReturnType<typeof newMember>>;

const quiet: JobLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
const PUBLIC_URL = 'http://ruche.example.test';
const SECRET = 'test-secret-test-secret-test-secret-0000'; // testConfig's SESSION_SECRET
const DELAY_MS = 1500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(databases)('notification emails on %s', (kind) => {
  const received: Received[] = [];
  let smtp: SMTPServer;
  let db: TestStore;
  let jobs: Jobs;
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let community: { id: number; slug: string };
  let bob: Member;
  let julie: Member;
  let carol: Member;
  let dave: Member;
  let emma: Member;

  beforeAll(async () => {
    const server = await startSmtp(received);
    smtp = server.smtp;
    db = await createTestStore(kind);
    jobs = openJobs(db.store);
    t = await startTestApp(
      kind,
      {
        SMTP_URL: server.url,
        MAIL_FROM: 'Ruche <ruche@example.test>',
        PUBLIC_URL,
        COOKIE_SECURE: '0',
        NOTIFY_EMAIL_DELAY_SECONDS: String(DELAY_MS / 1000),
        NOTIFY_INTERVAL_SECONDS: '0.2',
        MESSAGES_MIN_ACCOUNT_HOURS: '0',
        MESSAGES_NEW_ACCOUNT_DAYS: '0',
      },
      db,
      { realMailer: true, jobs },
    );
    await jobs.start({ log: quiet, pollMs: kind === 'postgres' ? 500 : 50 });
    admin = await newAdmin(t);
    community = await newCommunity(admin.client);
    bob = await newMember(t, 'Bob Durand');
    julie = await newMember(t, 'Julie Martin');
    carol = await newMember(t, 'Carol Petit');
    dave = await newMember(t, 'Abdoulaye Diallo');
    emma = await newMember(t, 'Emma Walker');
    for (const m of [bob, julie, carol, dave, emma]) await join(m.client, community.id);
    expect((await emma.client.api('PATCH', '/me', { locale: 'en' })).status).toBe(200);
  });
  afterAll(async () => {
    await jobs.close();
    await t.close();
    await db.drop();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  const mailsTo = (m: Member) => received.filter((r) => r.to === m.email);
  async function waitForMails(m: Member, count: number, timeoutMs = 15_000) {
    for (const until = Date.now() + timeoutMs; mailsTo(m).length < count; await sleep(25))
      if (Date.now() > until) throw new Error(`${mailsTo(m).length} mail(s) to ${m.email}`);
    return mailsTo(m);
  }
  /** Long enough for a batch to have gone out, had there been one. */
  const batchWindow = () => sleep(DELAY_MS + (kind === 'postgres' ? 2500 : 1200));

  const ask = async (m: Member, title: string, body: string, groupId: number | null = null) => {
    const res = await m.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { kind: 'question', title, body, groupId },
    );
    expect(res.status).toBe(201);
    return res.body.topic.id;
  };
  const answer = async (m: Member, topicId: number, body: string) => {
    const res = await m.client.api<{ reply: { id: number } }>(
      'POST',
      `/topics/${topicId}/replies`,
      { body, parentReplyId: null },
    );
    expect(res.status).toBe(201);
    return res.body.reply.id;
  };
  const newGroup = async (visibility: 'public' | 'private', slug: string) => {
    const res = await admin.client.api<{ group: { id: number } }>(
      'POST',
      `/communities/${community.id}/groups`,
      { slug, name: `Groupe ${slug}`, visibility },
    );
    expect(res.status).toBe(201);
    return res.body.group.id;
  };
  const preferences = (m: Member) =>
    t.store.db
      .selectFrom('notification_preferences')
      .select(['kind', 'in_app', 'email'])
      .where('user_id', '=', m.id)
      .orderBy('kind')
      .execute();
  const tokenOf = (mail: Received | undefined) => {
    const link = /<(https?:\/\/\S+?\/unsubscribe\/([^>\s]+))>/.exec(
      rawHeader(mail, 'list-unsubscribe'),
    );
    if (!link?.[2]) throw new Error('no List-Unsubscribe link');
    return link[2];
  };

  it('gathers a burst of three replies into one email, in French, HTML and text, with the unsubscribe headers', async () => {
    const q = await ask(bob, 'Comment organiser une collecte ?', 'Des idées ?');
    await answer(julie, q, 'Commencez petit, avec les voisins.');
    await answer(carol, q, 'Un stand au marché <script>alert(1)</script> marche bien.');
    await answer(dave, q, 'Demandez à la mairie.');
    const [mail, ...more] = await waitForMails(bob, 1);
    await batchWindow();
    expect(more).toEqual([]);
    expect(mailsTo(bob)).toHaveLength(1);
    if (!mail) throw new Error('no mail');
    expect(mail.subject).toBe(
      'Abdoulaye Diallo a répondu à votre question « Comment organiser une collecte ? », et 2 autres nouvelles',
    );
    // From the community, through the instance's address.
    expect(mail.from).toContain(`Communauté ${community.slug}`);
    expect(mail.from).toContain('<ruche@example.test>');
    // Both parts: each reply, its words, and a link to it on the instance.
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('Bonjour Bob Durand');
      expect(part).toContain('Julie Martin a répondu à votre question');
      expect(part).toContain('Carol Petit a répondu à votre question');
      expect(part).toContain('Commencez petit, avec les voisins.');
      expect(part).toContain('Demandez à la mairie.');
      expect(part).toContain(`${PUBLIC_URL}/c/${community.slug}/t/${q}#reply-`);
    }
    expect(mail.html).toContain('<html lang="fr">');
    // Valid and accessible, inline styles aside (mail clients drop style sheets), and the raw
    // ">" Preact leaves in the quoted <script> (valid HTML; "<" is what must be escaped).
    const allowed = ['no-inline-style', 'no-raw-characters'];
    expect(
      (await htmlProblems(mail.html)).filter((p) => !allowed.some((rule) => p.startsWith(rule))),
    ).toEqual([]);
    // RFC 8058: an HTTPS-or-not link of this instance, and the one-click marker.
    expect(rawHeader(mail, 'list-unsubscribe')).toMatch(
      new RegExp(`<${PUBLIC_URL}/unsubscribe/[^>]+>`),
    );
    expect(rawHeader(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain(`${PUBLIC_URL}/unsubscribe/${tokenOf(mail)}`);
  });

  it('writes to a member in their own language', async () => {
    const q = await ask(julie, 'Who can help on Saturday?', `@${emma.handle} maybe you?`);
    const [mail] = await waitForMails(emma, 1);
    expect(mail?.subject).toBe('Julie Martin mentioned you in “Who can help on Saturday?”');
    expect(mail?.text).toContain('Hello Emma Walker, here is what happened while you were away.');
    expect(mail?.text).toContain(`${PUBLIC_URL}/c/${community.slug}/t/${q}`);
    expect(mail?.html).toContain('<html lang="en">');
    expect(mail?.html).toContain('Stop these emails');
  });

  it('mails a private message with who wrote it, its start, and a link to the conversation', async () => {
    const res = await julie.client.api<{ conversationId: number }>(
      'POST',
      '/messages/conversations',
      { recipients: [`@${carol.handle}`], body: 'Carol, peux-tu **tenir la caisse** samedi ?' },
    );
    expect(res.status).toBe(201);
    const [mail] = await waitForMails(carol, 1);
    expect(mail?.subject).toBe('Julie Martin vous a envoyé un message privé');
    expect(mail?.text).toContain('Carol, peux-tu tenir la caisse samedi ?');
    expect(mail?.text).toContain(`${PUBLIC_URL}/messages/${res.body.conversationId}`);
    expect(mail?.html).toContain('Lire la conversation');
    // Nobody else hears of it.
    expect(received.filter((r) => r.text.includes('tenir la caisse'))).toHaveLength(1);
  });

  it('mails nothing that was read in the page before the batch went out', async () => {
    const q = await ask(dave, 'Qui a les clés ?', 'Du local.');
    const before = mailsTo(dave).length;
    await answer(julie, q, 'Moi, je les ai.');
    // Dave opens the topic (which reads its notifications) before the batch goes out.
    for (const until = Date.now() + 5000; ; await sleep(25)) {
      const row = await t.store.db
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', dave.id)
        .where('topic_id', '=', q)
        .executeTakeFirst();
      if (row) break;
      if (Date.now() > until) throw new Error('no notification');
    }
    expect((await dave.client.request('GET', `/c/${community.slug}/t/${q}`)).status).toBe(200);
    await batchWindow();
    expect(mailsTo(dave)).toHaveLength(before);
  });

  it('mails nothing of a space the member may no longer read when the batch goes out', async () => {
    // Carol is mentioned in a public group, which becomes private before the batch: she is not
    // in it. Bob is mentioned in a private group he is in, and leaves it before the batch.
    const open = await newGroup('public', 'jardin');
    const closed = await newGroup('private', 'bureau');
    expect((await julie.client.api('POST', `/groups/${open}/join`)).status).toBe(200);
    expect((await julie.client.api('POST', `/groups/${closed}/join`)).status).toBe(200);
    await admin.client.api('POST', `/groups/${closed}/members/${julie.id}/approve`);
    expect((await bob.client.api('POST', `/groups/${closed}/join`)).status).toBe(200);
    await admin.client.api('POST', `/groups/${closed}/members/${bob.id}/approve`);
    const beforeCarol = mailsTo(carol).length;
    const beforeBob = mailsTo(bob).length;
    await ask(julie, 'Les semis secrets', `@${carol.handle} regarde ça`, open);
    await ask(julie, 'Le budget confidentiel', `@${bob.handle} tu valides ?`, closed);
    for (const until = Date.now() + 5000; ; await sleep(25)) {
      const rows = await t.store.db
        .selectFrom('notifications')
        .select('id')
        .where('kind', '=', 'mention')
        .where('group_id', 'in', [open, closed])
        .execute();
      if (rows.length === 2) break;
      if (Date.now() > until) throw new Error('no notifications');
    }
    expect(
      (await admin.client.api('PATCH', `/groups/${open}`, { visibility: 'private' })).status,
    ).toBe(200);
    expect((await bob.client.api('POST', `/groups/${closed}/leave`)).status).toBeLessThan(300);
    await batchWindow();
    expect(mailsTo(carol)).toHaveLength(beforeCarol);
    expect(mailsTo(bob)).toHaveLength(beforeBob);
    expect(received.some((r) => /semis secrets|budget confidentiel/i.test(r.text))).toBe(false);
  });

  it('sends one email however many times its job runs', async () => {
    const q = await ask(carol, 'Une question de plus', 'Oui ?');
    const before = mailsTo(carol).length;
    // The consumer's job is queued for the period; these come on top, as a second instance
    // or a retry would: the same key is refused, another run finds nothing left to send.
    const payload = { userId: carol.id, kind: 'topic_reply' };
    await answer(julie, q, 'Une réponse.');
    for (const until = Date.now() + 5000; ; await sleep(25)) {
      const row = await t.store.db
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', carol.id)
        .where('topic_id', '=', q)
        .executeTakeFirst();
      if (row) break;
      if (Date.now() > until) throw new Error('no notification');
    }
    const [first, second] = await Promise.all([
      jobs.enqueue('notifications.email', payload, { key: 'test:same-period' }),
      jobs.enqueue('notifications.email', payload, { key: 'test:same-period' }),
    ]);
    expect([first, second].filter((id) => id === null)).toHaveLength(1);
    await jobs.enqueue('notifications.email', payload, { key: 'test:a-retry' });
    await waitForMails(carol, before + 1);
    await batchWindow();
    expect(mailsTo(carol).map((m) => m.subject)).toHaveLength(before + 1);
  });

  it('unsubscribes in one click without a session: GET changes nothing, POST switches that email off, once', async () => {
    const mail = mailsTo(bob)[0];
    const token = tokenOf(mail);
    const path = `/unsubscribe/${token}`;
    const anonymous = new Client(t.url);
    const before = await preferences(bob);
    const page = await anonymous.request('GET', path);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Oui, ne plus les recevoir');
    expect(await htmlProblems(html)).toEqual([]);
    expect(html).toContain('les e-mails quand quelqu’un répond à l’une de vos conversations');
    expect(await preferences(bob)).toEqual(before);

    // As a mail client does it (RFC 8058): a POST with the one-click body, no cookie, no token.
    const done = await fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    const doneHtml = await done.text();
    expect(await htmlProblems(doneHtml)).toEqual([]);
    expect(doneHtml).toContain('C’est fait : vous ne recevrez plus');
    expect(doneHtml).toContain('href="/notifications/preferences"');
    const after = await preferences(bob);
    expect(after).toEqual([{ kind: 'topic_reply', in_app: 1, email: 0 }]);

    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');
    const again = await fetch(`${t.url}${path}`, { method: 'POST', body: form });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('C’était déjà fait');
    expect(await preferences(bob)).toEqual(after);

    // And the member notices: a new reply is no longer mailed (the page still shows it).
    const sent = mailsTo(bob).length;
    const q = await ask(bob, 'Encore une question', 'Merci d’avance.');
    await answer(julie, q, 'Voilà.');
    await batchWindow();
    expect(mailsTo(bob)).toHaveLength(sent);
  });

  it('refuses a forged or an expired link with a translated page, and changes nothing', async () => {
    // Signed as the instance signs: its secret is the configured SESSION_SECRET.
    const signer = createUnsubscribe({
      secret: SECRET,
      publicUrl: PUBLIC_URL,
      validMs: 60 * 86_400_000,
    });
    signer.register({
      name: 'mention',
      label: () => '',
      apply: () => Promise.resolve(true),
      settingsPath: '',
    });
    const token = new URL(signer.url(emma.id, 'mention')).pathname.split('/').at(-1) ?? '';
    const before = await preferences(emma);
    const [user, list, expiry, signature = ''] = token.split('.');
    const forgeries = [
      `${carol.id}.${list}.${expiry}.${signature}`, // someone else, same signature
      `${user}.message.${expiry}.${signature}`, // another list
      // One character of the signature changed.
      `${user}.${list}.${expiry}.${signature.slice(0, 10)}${signature[10] === 'x' ? 'y' : 'x'}${signature.slice(11)}`,
      'not-a-token',
    ];
    for (const forged of forgeries) {
      const res = await fetch(`${t.url}/unsubscribe/${forged}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect({ forged, status: res.status }).toEqual({ forged, status: 400 });
      expect(await res.text()).toContain('This unsubscribe link is not valid');
    }
    const old = new URL(signer.url(emma.id, 'mention', Date.now() - 61 * 86_400_000)).pathname;
    for (const method of ['GET', 'POST']) {
      const res = await fetch(`${t.url}${old}`, { method });
      expect(res.status).toBe(410);
      expect(await res.text()).toContain('Ce lien de désinscription a expiré');
    }
    expect(await preferences(emma)).toEqual(before);
    // The same signer, in date, is accepted: the refusals above were for the forgery alone.
    const fresh = new URL(signer.url(emma.id, 'mention')).pathname;
    expect((await fetch(`${t.url}${fresh}`, { method: 'POST' })).status).toBe(200);
    expect(await preferences(emma)).toEqual([{ kind: 'mention', in_app: 1, email: 0 }]);
  });
});

describe('DKIM', () => {
  it('signs every email, List-Unsubscribe-Post included, when a key is configured', async () => {
    const received: Received[] = [];
    const { smtp, url } = await startSmtp(received);
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const config = loadConfig({
      SMTP_URL: url,
      DKIM_DOMAIN: 'example.test',
      DKIM_SELECTOR: 'ruche',
      DKIM_PRIVATE_KEY: privateKey.replace(/\n/g, '\\n'),
    });
    expect(config.dkim?.privateKey).toBe(privateKey);
    const logged: string[] = [];
    const mailer = createMailer({
      smtpUrl: config.smtpUrl,
      from: 'Ruche <ruche@example.test>',
      dkim: config.dkim,
      log: { info: (obj, msg) => logged.push(JSON.stringify(obj) + msg) },
    });
    await mailer.send({
      to: 'someone@example.test',
      subject: 'Signé',
      text: 'Bonjour',
      html: '<p>Bonjour</p>',
      headers: {
        'List-Unsubscribe': '<https://ruche.example.test/unsubscribe/x>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    await new Promise<void>((resolve) => smtp.close(resolve));
    const signature = rawHeader(received[0], 'dkim-signature');
    expect(signature).toContain('d=example.test');
    expect(signature).toContain('s=ruche');
    expect(signature.toLowerCase()).toContain('list-unsubscribe-post');
    expect(logged.join('')).not.toContain('PRIVATE KEY');
  });

  it('refuses half a DKIM setting, without printing the key', () => {
    const attempt = () =>
      loadConfig({ DKIM_DOMAIN: 'example.test', DKIM_PRIVATE_KEY: 'secret-key-material' });
    expect(attempt).toThrow(/DKIM_SELECTOR/);
    try {
      attempt();
    } catch (err) {
      expect(String(err)).not.toContain('secret-key-material');
    }
  });
});
