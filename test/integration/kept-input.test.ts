import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';

/** Issue 21, item 21: a refused page form keeps what was typed — but never shows back another site's text. */
describe.each(databases)('refused page forms on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let community: { id: number; slug: string };

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await newAdmin(t);
    community = await newCommunity(admin.client);
  });
  afterAll(() => t.close());

  it('shows an expired form’s text back to our own page, never to another site', async () => {
    const member = await newMember(t);
    await join(member.client, community.id);
    const topic = await member.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { title: 'Un sujet', body: 'Bonjour.' },
    );
    const action = `/c/${community.slug}/t/${topic.body.topic.id}/replies`;
    const post = (site: string) =>
      member.client.request('POST', action, {
        form: { _csrf: 'not-the-token', body: 'Texte <b>tapé</b> ici' },
        headers: { 'sec-fetch-site': site },
      });
    const ours = await post('same-origin');
    expect(ours.status).toBe(403);
    const html = await ours.text();
    expect(html).toContain('Texte &lt;b>tapé&lt;/b> ici');
    expect(html).toContain(`action="${action}"`);
    const theirs = await post('cross-site');
    expect(theirs.status).toBe(403);
    expect(await theirs.text()).not.toContain('tapé');
  });

  it('keeps a charter refused for its length on the settings page', async () => {
    const long = `Charte. ${'x'.repeat(60_000)}`;
    const res = await admin.client.submit(
      `/c/${community.slug}/settings`,
      `/c/${community.slug}/charter/publish`,
      { body: long },
    );
    expect(res.status).toBe(400);
    expect(res.html).toContain(long);
  });

  it('names an unknown handle invited instead of “page not found”', async () => {
    const res = await admin.client.submit(
      `/c/${community.slug}/members`,
      `/c/${community.slug}/invitations`,
      { handle: 'personne-inconnue' },
    );
    expect(res.status).toBe(404);
    expect(res.html).toContain('Aucun membre de Ruche n’a l’identifiant @personne-inconnue.');
  });
});
