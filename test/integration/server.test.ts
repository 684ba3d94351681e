import { mkdtempSync, rmSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importUsers } from '../../src/accounts/index.js';
import { importCommunity } from '../../src/communities/index.js';
import { countQueued, importTopics } from '../../src/conversations/index.js';
import { migrateToLatest, openStore } from '../../src/db/index.js';
import { searchDocuments } from '../../src/search/index.js';
import { startServer } from '../../src/server.js';
import { newAdmin, newCommunity } from '../fixtures.js';
import { startTestApp, testConfig, type TestApp } from '../harness.js';

const T0 = Date.UTC(2021, 2, 1);

describe('the server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruche-server-'));
  const path = join(dir, 'ruche.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders and indexes the posts an import left in the queue, without being asked', async () => {
    // An import made while no server ran, as `ruche import` does.
    const before = openStore({ kind: 'sqlite', path });
    await migrateToLatest(before);
    const communityId = await before.db.transaction().execute(async (trx) => {
      const ids = await importUsers(before, trx, [
        {
          email: 'ines@example.test',
          handle: 'ines',
          displayName: 'Inès',
          bio: '',
          passwordHash: '!',
          isAdmin: false,
          createdAt: T0,
        },
      ]);
      const author = ids.get('ines') ?? 0;
      const { id } = await importCommunity(before, trx, {
        slug: 'potager',
        name: 'Potager',
        purpose: 'Jardiner ensemble.',
        typology: 'internal_community',
        visibility: 'public',
        charter: 'Bienveillance.',
        createdAt: T0,
        createdBy: null,
        memberships: [{ userId: author, role: 'member', joinedAt: T0 }],
        groups: [],
      });
      await importTopics(before, trx, [
        {
          communityId: id,
          groupId: null,
          authorId: author,
          kind: 'question',
          title: 'Quand semer les courgettes ?',
          body: 'En **avril** ?',
          createdAt: T0,
          replies: [
            { authorId: author, body: 'Plutôt en mai.', createdAt: T0 + 1, parentIndex: null },
          ],
          acceptedReplyIndex: null,
          acceptedBy: null,
          acceptedAt: null,
          reactions: [],
        },
      ]);
      return id;
    });
    expect(await countQueued(before.db)).toBe(2);
    await before.close();

    const server = await startServer(
      testConfig({ SQLITE_PATH: path, PORT: '0', ROLLUP_INTERVAL_SECONDS: '0' }),
    );
    try {
      // Sooner than the job's 5 s interval: the server starts with what was waiting.
      const deadline = Date.now() + 3_000;
      while ((await countQueued(server.store.db)) > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await countQueued(server.store.db)).toBe(0);
      const { hits } = await searchDocuments(server.store.db, server.store.dialect, {
        query: 'mai',
        scope: { communityIds: [communityId], groupIds: [] },
        limit: 10,
        offset: 0,
      });
      expect(hits.map((h) => [h.docKind, h.title])).toEqual([
        ['reply', 'Quand semer les courgettes ?'],
      ]);
    } finally {
      await server.stop();
    }
  });
});

describe('responses on the wire', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('are compressed for a client that accepts it, as a browser does, and only then', async () => {
    const admin = await newAdmin(t);
    const community = await newCommunity(admin.client);
    const page = `/c/${community.slug}`;
    for (const [accepted, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const res = await get(t.url + page, accepted);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      const html = (encoding === 'br' ? brotliDecompressSync : gunzipSync)(res.body).toString();
      expect(html).toContain(`Communauté ${community.slug}`);
      // Even a small page (5 KB) travels in less than half its size.
      expect(res.body.length * 2).toBeLessThan(Buffer.byteLength(html));
    }
    const plain = await get(t.url + page, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toContain(`Communauté ${community.slug}`);
    // JSON too; a reply under 1 KB is not worth it and goes plain.
    const api = await get(`${t.url}/api/v1/openapi.json`, 'gzip');
    expect(api.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(api.body).toString())).toMatchObject({ openapi: '3.1.0' });
    const small = await get(`${t.url}/api/v1/communities/${community.id}`, 'gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toMatchObject({ community: { id: community.id } });
  });

  it('never inflates a compressed request body: it is bad input, and changes nothing', async () => {
    const admin = await newAdmin(t);
    // A whole valid community, which a server that inflated bodies would create.
    const valid = {
      slug: 'zippee',
      name: 'Zippée',
      purpose: 'Entraide entre bénévoles des associations.',
      typology: 'internal_community',
      visibility: 'public',
      charter: 'Bienveillance.',
    };
    const res = await fetch(`${t.url}/api/v1/communities`, {
      method: 'POST',
      headers: {
        cookie: admin.client.cookieHeader(),
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body: gzipSync(JSON.stringify(valid)),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'malformed_request',
    );
    expect((await admin.client.page('/c/zippee')).status).toBe(404);
  });
});

/** A GET with raw bytes back: fetch would inflate the body and hide what travelled. */
function get(url: string, acceptEncoding: string) {
  return new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}
