import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carryOutDueDeletions } from '../../src/own-data/index.js';
import { Client } from '../client.js';
import { PASSWORD, join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';

type Member = Awaited<ReturnType<typeof newMember>>;
type ApiError = { error: { code: string; message: string; field?: string } };
type Started = { conversationId: number; message: { id: number } };

const DAY = 86_400_000;
const base = '/messages/conversations';

function start(from: { client: Client }, recipients: string[], body = 'Bonjour !') {
  return from.client.api<Started & ApiError>('POST', base, { recipients, body });
}

function answer(from: { client: Client }, conversationId: number, body = 'Merci !') {
  return from.client.api<ApiError>('POST', `${base}/${conversationId}/messages`, { body });
}

async function messagesBy(t: TestApp, userId: number) {
  const rows = await t.store.db
    .selectFrom('messages')
    .select('id')
    .where('author_id', '=', userId)
    .execute();
  return rows.length;
}

/** Makes an account `days` old, as if it had signed up then. */
async function age(t: TestApp, member: { id: number }, days: number) {
  await t.store.db
    .updateTable('users')
    .set({ created_at: Date.now() - days * DAY })
    .where('id', '=', member.id)
    .execute();
}

describe.each(databases)('limits on new accounts on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let community: { id: number; slug: string };
  let elder: Member;

  beforeAll(async () => {
    // The default minimum age (24 hours) and new-account days (7); small daily caps.
    t = await startTestApp(kind, {
      MESSAGES_DAILY_CONVERSATIONS: '2',
      MESSAGES_DAILY_MESSAGES: '3',
    });
    admin = await newAdmin(t);
    community = await newCommunity(admin.client);
    elder = await newMember(t, 'Élise Ancienne');
    await join(elder.client, community.id);
    await age(t, elder, 30);
  });
  afterAll(() => t.close());

  it('makes a new account wait before its first conversation, and says how long', async () => {
    const newcomer = await newMember(t, 'Noé Nouveau');
    await join(newcomer.client, community.id);
    const res = await newcomer.client.request('POST', `/api/v1${base}`, {
      json: { recipients: [elder.handle], body: 'Bonjour, je suis nouveau.' },
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(23 * 3600);
    const body = (await res.json()) as ApiError;
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toContain('vous pourrez le faire dans 24 heures');
    // The page says it too, and keeps the text.
    const page = await newcomer.client.submit('/messages/new', '/messages/new', {
      recipients: elder.handle,
      body: 'Mon premier message',
    });
    expect(page.status).toBe(429);
    expect(page.html).toContain('dans 24 heures');
    expect(page.html).toContain('Mon premier message');
    const english = await newcomer.client.api<ApiError>(
      'POST',
      base,
      { recipients: [elder.handle], body: 'Hello' },
      { 'accept-language': 'en' },
    );
    expect(english.body.error.message).toContain('you can do so in 24 hours');
    expect(await messagesBy(t, newcomer.id)).toBe(0);

    // Written to by a member, the newcomer may answer at once.
    const welcome = await start(elder, [newcomer.handle], 'Bienvenue !');
    expect(welcome.status).toBe(201);
    expect((await answer(newcomer, welcome.body.conversationId)).status).toBe(201);
  });

  it('caps a recent account’s conversations and messages per 24 hours', async () => {
    const recent = await newMember(t, 'Rita Récente');
    await join(recent.client, community.id);
    await age(t, recent, 2);
    const first = await start(recent, [elder.handle]);
    expect(first.status).toBe(201);
    expect((await start(recent, [elder.handle])).status).toBe(201);
    const third = await start(recent, [elder.handle]);
    expect(third.status).toBe(429);
    expect(third.body.error.message).toContain('au plus 2 conversations privées en 24 heures');
    // Two messages written; one more answer, then the cap.
    expect((await answer(recent, first.body.conversationId)).status).toBe(201);
    const fourth = await answer(recent, first.body.conversationId);
    expect(fourth.status).toBe(429);
    expect(fourth.body.error.message).toContain('au plus 3 messages privés en 24 heures');
    expect(await messagesBy(t, recent.id)).toBe(3);

    // Past its new days, an account has no cap.
    await age(t, recent, 8);
    expect((await answer(recent, first.body.conversationId)).status).toBe(201);
    expect((await start(recent, [elder.handle])).status).toBe(201);
  });

  it('holds neither an instance admin nor staff writing to their own members', async () => {
    const fresh = await newMember(t, 'Fanny Fraîche');
    await join(fresh.client, community.id);
    const animator = await newMember(t, 'Anatole Animateur');
    await join(animator.client, community.id);
    await admin.client.api('PATCH', `/communities/${community.id}/members/${animator.id}`, {
      role: 'animator',
    });
    // Both accounts are minutes old.
    expect((await start(animator, [fresh.handle], 'Bienvenue parmi nous !')).status).toBe(201);
    expect((await start(admin, [fresh.handle], 'Bienvenue sur l’instance.')).status).toBe(201);
  });
});

describe.each(databases)('the write rate limit on private messages on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, {
      MESSAGES_MIN_ACCOUNT_HOURS: '0',
      MESSAGES_NEW_ACCOUNT_DAYS: '0',
      RATE_LIMIT_WRITES_PER_MINUTE: '3',
    });
  });
  afterAll(() => t.close());

  it('refuses a member writing too fast, with when to come back', async () => {
    const admin = await newAdmin(t);
    const community = await newCommunity(admin.client);
    const a = await newMember(t, 'Anne Rapide');
    const b = await newMember(t, 'Basile Lent');
    for (const m of [a, b]) await join(m.client, community.id);
    const { conversationId } = (await start(a, [b.handle])).body;
    expect((await answer(a, conversationId)).status).toBe(201);
    expect((await answer(a, conversationId)).status).toBe(201);
    const refused = await answer(a, conversationId);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(refused.body.error.message).toMatch(
      /^Trop de tentatives\. Réessayez dans \d+ (s|min)\.$/,
    );
    // One allowance for every message route: the page is refused as well.
    const page = await a.client.submit(
      `/messages/${conversationId}`,
      `/messages/${conversationId}`,
      {
        body: 'Par la page, vite',
      },
    );
    expect(page.status).toBe(429);
    expect(page.html).toContain('Réessayez dans');
    expect(await messagesBy(t, a.id)).toBe(3);
  });
});

describe.each(databases)('private messages in one’s own data on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let community: { id: number; slug: string };

  beforeAll(async () => {
    t = await startTestApp(kind, {
      MESSAGES_MIN_ACCOUNT_HOURS: '0',
      MESSAGES_NEW_ACCOUNT_DAYS: '0',
    });
    admin = await newAdmin(t);
    community = await newCommunity(admin.client);
  });
  afterAll(() => t.close());

  async function member(name: string) {
    const m = await newMember(t, name);
    await join(m.client, community.id);
    return m;
  }

  it('exports one’s conversations — what one wrote and received — and nothing of others’', async () => {
    const lea = await member('Léa Exportatrice');
    const marc = await member('Marc Correspondant');
    const nadia = await member('Nadia Tierce');
    const ours = (await start(lea, [marc.handle], 'Lettre de Léa à Marc')).body.conversationId;
    await answer(marc, ours, 'Réponse de Marc à Léa');
    const theirs = (await start(marc, [nadia.handle], 'Secret entre Marc et Nadia')).body
      .conversationId;
    const left = (await start(nadia, [lea.handle], 'Avant le départ')).body.conversationId;
    await lea.client.api('POST', `${base}/${left}/leave`);
    await answer(nadia, left, 'Après le départ');

    const res = await lea.client.api<{
      privateMessages: {
        id: number;
        leftAt: string | null;
        participants: { displayName: string | null; isYou: boolean }[];
        messages: { body: string; isYours: boolean; author: { displayName: string | null } }[];
      }[];
    }>('GET', '/me/export');
    expect(res.status).toBe(200);
    const exported = res.body.privateMessages;
    expect(exported.map((c) => c.id).sort((x, y) => x - y)).toEqual(
      [ours, left].sort((x, y) => x - y),
    );
    expect(exported.map((c) => c.id)).not.toContain(theirs);
    const withMarc = exported.find((c) => c.id === ours);
    expect(withMarc?.messages.map((m) => [m.body, m.isYours, m.author.displayName])).toEqual([
      ['Lettre de Léa à Marc', true, 'Léa Exportatrice'],
      ['Réponse de Marc à Léa', false, 'Marc Correspondant'],
    ]);
    expect(withMarc?.participants.map((p) => [p.displayName, p.isYou])).toEqual([
      ['Léa Exportatrice', true],
      ['Marc Correspondant', false],
    ]);
    // What came after she left is not hers to read.
    const gone = exported.find((c) => c.id === left);
    expect(gone?.leftAt).not.toBeNull();
    expect(gone?.messages.map((m) => m.body)).toEqual(['Avant le départ']);
    expect(JSON.stringify(res.body)).not.toContain('Secret entre Marc et Nadia');
    expect(JSON.stringify(res.body)).not.toContain('Après le départ');

    const html = await lea.client.request('GET', '/api/v1/me/export.html');
    const text = await html.text();
    expect(text).toContain('Messages privés');
    expect(text).toContain('Réponse de Marc à Léa');
    expect(text).not.toContain('Secret entre Marc et Nadia');
  });

  async function deleteAccount(m: Member, posts: 'keep' | 'delete') {
    const asked = await m.client.api('POST', '/me/deletion', { currentPassword: PASSWORD, posts });
    expect(asked.status).toBe(202);
    expect(await carryOutDueDeletions(t.store, Date.now() + 15 * DAY)).toBeGreaterThan(0);
  }

  function expectNoTrace(text: string, who: Member, name: string) {
    expect(text).not.toContain(name);
    expect(text).not.toContain(who.handle);
    expect(text).not.toContain(who.email);
  }

  it('after an account’s deletion, shows its messages as a former member’s, its name nowhere', async () => {
    const name = 'Zoé Partante';
    const zoe = await member(name);
    const yves = await member('Yves Restant');
    const xavier = await member('Xavier Témoin');
    const id = (await start(zoe, [yves.handle, xavier.handle], 'Je pars bientôt.')).body
      .conversationId;
    await answer(yves, id, `Bon voyage @${zoe.handle} !`);
    await deleteAccount(zoe, 'keep');

    const api = await yves.client.api<{
      conversation: { participants: unknown[] };
      messages: { author: unknown; body: string }[];
    }>('GET', `${base}/${id}`);
    expect(api.status).toBe(200);
    expect(api.body.conversation.participants[0]).toEqual({
      handle: null,
      displayName: null,
      isFormerMember: true,
      hasLeft: true,
    });
    expect(api.body.messages[0]).toMatchObject({
      author: { handle: null, displayName: null, isFormerMember: true },
      body: 'Je pars bientôt.',
    });
    // Her old handle in a mention names her tombstone now.
    expect(api.body.messages[1]?.body).toMatch(/^Bon voyage @anon-[0-9a-f]+ !$/);
    expectNoTrace(JSON.stringify(api.body), zoe, name);
    const page = await yves.client.page(`/messages/${id}`);
    expect(page.html).toContain('ancien membre');
    expectNoTrace(page.html, zoe, name);
    expectNoTrace((await yves.client.page('/messages')).html, zoe, name);
    expectNoTrace(JSON.stringify((await yves.client.api('GET', base)).body), zoe, name);
    expectNoTrace(JSON.stringify((await xavier.client.api('GET', '/me/export')).body), zoe, name);
    expectNoTrace(
      await (await xavier.client.request('GET', '/api/v1/me/export.html')).text(),
      zoe,
      name,
    );
    // Nobody can write to the account any more, by its old handle or its tombstone's.
    const tombstone = /@(anon-[0-9a-f]+)/.exec(api.body.messages[1]?.body ?? '')?.[1] ?? '';
    for (const handle of [zoe.handle, tombstone]) {
      const refused = await start(yves, [handle]);
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain('Aucun membre');
    }
    // The conversation goes on between those left.
    expect((await answer(xavier, id, 'Elle nous manquera.')).status).toBe(201);
  });

  it('erases the text of a deleted account’s messages when it chose to delete its posts', async () => {
    const name = 'Wanda Effacée';
    const wanda = await member(name);
    const victor = await member('Victor Lecteur');
    const id = (await start(wanda, [victor.handle], 'Texte à effacer')).body.conversationId;
    await victor.client.api('PUT', `/me/blocks/${wanda.handle}`);
    await deleteAccount(wanda, 'delete');
    const api = await victor.client.api<{ messages: { body: string; isDeleted: boolean }[] }>(
      'GET',
      `${base}/${id}`,
    );
    expect(api.body.messages).toMatchObject([{ body: '', isDeleted: true }]);
    const page = await victor.client.page(`/messages/${id}`);
    expect(page.html).not.toContain('Texte à effacer');
    expect(page.html).toContain('Message effacé');
    expectNoTrace(page.html, wanda, name);
    // Blocks of her went with her.
    const blocks = await t.store.db
      .selectFrom('member_blocks')
      .selectAll()
      .where('blocked_id', '=', wanda.id)
      .execute();
    expect(blocks).toEqual([]);
    const rows = await t.store.db
      .selectFrom('messages')
      .select('body')
      .where('author_id', '=', wanda.id)
      .execute();
    expect(rows).toEqual([{ body: '' }]);
  });
});
