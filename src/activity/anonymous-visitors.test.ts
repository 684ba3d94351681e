import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, databases, type TestStore } from '../../test/harness.js';
import { isRobot, recordAnonymousVisit, type Visitor } from './index.js';

const DAY = 86_400_000;
const MONDAY = Date.UTC(2026, 2, 2, 9);
const reader: Visitor = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (Android 15) Firefox/133.0' };

describe.each(databases)('anonymous visitors on %s', (kind) => {
  let db: TestStore;
  beforeAll(async () => {
    db = await createTestStore(kind);
  });
  afterAll(() => db.drop());

  const logged = () =>
    db.store.db
      .selectFrom('activity_log')
      .select(['community_id', 'group_id', 'created_at'])
      .where('kind', '=', 'visit.anonymous')
      .orderBy('id')
      .execute();

  it('logs a reader once a day per scope, again the next day, and forgets the past day', async () => {
    const page = { communityId: 4, groupId: 7 };
    await recordAnonymousVisit(db.store, page, reader, MONDAY);
    await recordAnonymousVisit(db.store, page, reader, MONDAY + 3_600_000);
    // The same community outside the group: only the community was already counted.
    await recordAnonymousVisit(db.store, { communityId: 4, groupId: null }, reader, MONDAY);
    expect((await logged()).map((r) => [r.community_id, r.group_id])).toEqual([
      [null, null],
      [4, null],
      [4, 7],
    ]);
    const mondaySalt = await db.store.db.selectFrom('visitor_salts').selectAll().execute();

    await recordAnonymousVisit(db.store, page, reader, MONDAY + DAY);
    expect(await logged()).toHaveLength(6);
    // Monday's salt and hashes are gone: Monday's rows can no longer be tied to this reader.
    const salts = await db.store.db.selectFrom('visitor_salts').selectAll().execute();
    expect(salts.map((s) => s.day)).toEqual([Math.floor((MONDAY + DAY) / DAY)]);
    expect(salts[0]?.salt).not.toBe(mondaySalt[0]?.salt);
    const seen = await db.store.db.selectFrom('visitors_seen').select('day').distinct().execute();
    expect(seen.map((s) => s.day)).toEqual([Math.floor((MONDAY + DAY) / DAY)]);
  });

  it('tells robots and scripts from people', () => {
    for (const ua of [
      '',
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'facebookexternalhit/1.1',
      'curl/8.5.0',
      'python-requests/2.32',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0 Safari/537.36',
    ])
      expect(isRobot(ua)).toBe(true);
    expect(isRobot(reader.userAgent)).toBe(false);
    expect(
      isRobot(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      ),
    ).toBe(false);
    expect(
      isRobot('Mozilla/5.0 (iPhone; CPU iPhone OS 18_1) Version/18.1 Mobile Safari/604.1'),
    ).toBe(false);
  });
});
