import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importUsers } from '../../src/accounts/index.js';
import { importCommunity } from '../../src/communities/index.js';
import { countQueued, importTopics } from '../../src/conversations/index.js';
import { migrateToLatest, openStore } from '../../src/db/index.js';
import { searchDocuments } from '../../src/search/index.js';
import { startServer } from '../../src/server.js';
import { testConfig } from '../harness.js';

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
