// The moderation audit log (issue 24): instance admins see every community's, filter it and
// export it as CSV; a community's staff see their community's; members and sponsors never.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import { htmlProblems } from '../html.js';

type Member = Awaited<ReturnType<typeof newMember>>;
type Entry = {
  id: number;
  at: string;
  community: { id: number; slug: string } | null;
  actor: { handle: string } | null;
  rule: string | null;
  action: string;
  target: { kind: string; id: number };
  reason: string;
  reverses: number | null;
};

describe.each(databases)('the moderation audit log on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let first: { id: number; slug: string };
  let second: { id: number; slug: string };
  let anna: Member;
  let bob: Member;
  let carl: Member;
  let mia: Member;
  let firstTopic: number;
  let secondTopic: number;

  const adminAudit = (query = '') =>
    admin.client.api<{ entries: Entry[] }>('GET', `/admin/moderation/audit${query}`);

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await newAdmin(t);
    first = await newCommunity(admin.client);
    second = await newCommunity(admin.client);
    anna = await newMember(t, 'Anna Auteur');
    bob = await newMember(t, 'Bob Signaleur');
    carl = await newMember(t, 'Carl Modérateur');
    mia = await newMember(t, 'Mia Membre');
    for (const c of [first, second])
      for (const m of [anna, bob, carl, mia]) await join(m.client, c.id);
    await admin.client.api('PATCH', `/communities/${first.id}/members/${carl.id}`, {
      role: 'moderator',
    });
    const topic = async (c: { id: number }, title: string) =>
      (
        await anna.client.api<{ topic: { id: number } }>('POST', `/communities/${c.id}/topics`, {
          title,
          body: 'Un texte à relire.',
        })
      ).body.topic.id;
    firstTopic = await topic(first, 'Dans la première');
    secondTopic = await topic(second, 'Dans la seconde');
    await bob.client.api('POST', '/flags', {
      targetKind: 'topic',
      targetId: firstTopic,
      reason: 'spam',
    });
    await bob.client.api('POST', '/flags', {
      targetKind: 'topic',
      targetId: secondTopic,
      reason: 'other',
      text: 'Ton agressif',
    });
    await carl.client.api('POST', `/communities/${first.id}/moderation/decisions`, {
      decision: 'agree',
      items: [{ kind: 'topic', id: firstTopic }],
      reason: 'Publicité, =cmd',
    });
    await admin.client.api('POST', `/communities/${second.id}/moderation/decisions`, {
      decision: 'ignore',
      items: [{ kind: 'topic', id: secondTopic }],
    });
  });
  afterAll(() => t.close());

  it('gives instance admins every row, with actor, target, reason and time, filtered', async () => {
    const all = await adminAudit();
    expect(all.status).toBe(200);
    expect(all.body.entries).toHaveLength(2);
    const [ignored, agreed] = all.body.entries;
    expect(agreed).toMatchObject({
      community: { id: first.id },
      actor: { handle: carl.handle },
      action: 'flag.agreed',
      target: { kind: 'topic', id: firstTopic },
      reason: 'Publicité, =cmd',
      reverses: null,
    });
    expect(Date.parse(agreed?.at ?? '')).toBeGreaterThan(0);
    // Without a reason of their own, the flags' reasons are written.
    expect(ignored).toMatchObject({
      community: { id: second.id },
      action: 'flag.ignored',
      reason: 'other',
    });
    expect((await adminAudit(`?communityId=${first.id}`)).body.entries).toHaveLength(1);
    expect((await adminAudit('?action=flag.ignored')).body.entries.map((e) => e.target.id)).toEqual(
      [secondTopic],
    );
    expect((await adminAudit(`?actor=${carl.handle}`)).body.entries).toHaveLength(1);
    expect((await adminAudit('?actor=auto')).body.entries).toHaveLength(0);
    expect((await adminAudit('?from=2000-01-01&to=2000-01-02')).body.entries).toHaveLength(0);
    expect((await adminAudit('?from=bad')).status).toBe(400);

    const page = await admin.client.page(`/admin/moderation/audit?communityId=${first.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Publicité, =cmd');
    expect(page.html).not.toContain(`data-audit="${ignored?.id}"`);
    expect(await htmlProblems(page.html)).toEqual([]);
  });

  it('exports CSV for admins, safe in a spreadsheet', async () => {
    const res = await admin.client.request('GET', '/admin/moderation/audit.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe(
      'id,at,community,actor,rule,action,target_kind,target_id,reason,reverses',
    );
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).toContain(
      `${carl.handle},,flag.agreed,topic,${firstTopic},"Publicité, =cmd"`,
    );
  });

  it('gives a community’s staff their community’s rows only', async () => {
    const own = await carl.client.api<{ entries: Entry[] }>(
      'GET',
      `/communities/${first.id}/moderation/audit`,
    );
    expect(own.status).toBe(200);
    expect(own.body.entries.map((e) => e.target.id)).toEqual([firstTopic]);
    const page = await carl.client.page(`/c/${first.slug}/moderation/audit`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Publicité, =cmd');
    // Carl moderates the first community only.
    expect(
      (await carl.client.api('GET', `/communities/${second.id}/moderation/audit`)).status,
    ).toBe(404);
    expect((await carl.client.api('GET', '/admin/moderation/audit')).status).toBe(404);
  });

  it('is a missing page for members, by page, API and CSV', async () => {
    for (const who of [mia, anna, bob]) {
      expect(
        (await who.client.api('GET', `/communities/${first.id}/moderation/audit`)).status,
      ).toBe(404);
      expect((await who.client.page(`/c/${first.slug}/moderation/audit`)).status).toBe(404);
      expect((await who.client.api('GET', '/admin/moderation/audit')).status).toBe(404);
      expect((await who.client.page('/admin/moderation/audit')).status).toBe(404);
      expect((await who.client.page('/admin/moderation/audit.csv')).status).toBe(404);
    }
  });
});
