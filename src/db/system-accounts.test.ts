import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, databases, type TestStore } from '../../test/harness.js';
import { migrateToLatest } from './index.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const day0 = Date.UTC(2014, 2, 10);

/** A database as Ruche left it before migration 015, with one Stack Exchange import. */
async function importedBefore015(db: TestStore, keptByOldFold: number) {
  const d = db.store.db;
  const user = (handle: string) =>
    d
      .insertInto('users')
      .values({
        email: `${handle}@import.invalid`,
        handle,
        password_hash: '!',
        display_name: handle,
        bio: '',
        locale: null,
        is_admin: 0,
        created_at: day0,
        updated_at: day0,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const ids = {
    bot: await user('community'),
    deleted: await user('utilisateur-supprime'),
    member: await user('marie'),
    signedUp: await user('paul'),
  };
  const community = await d
    .insertInto('communities')
    .values({
      slug: 'french-meta',
      name: 'French Meta',
      purpose: 'Archives',
      typology: 'internal_community',
      visibility: 'public',
      created_by: null,
      created_at: day0,
      updated_at: day0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const run = await d
    .insertInto('import_runs')
    .values({
      source: 'stackexchange:french.meta.stackexchange.com',
      community_id: community.id,
      email_tag: null,
      started_at: day0,
      finished_at: day0,
      summary: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await d
    .insertInto('import_map')
    .values(
      (
        [
          ['user', -1, ids.bot],
          ['deleted_user', 0, ids.deleted],
          ['user', 7, ids.member],
        ] as const
      ).map(([kind, source_id, target_id]) => ({
        source: 'stackexchange:french.meta.stackexchange.com',
        kind,
        source_id,
        target_id,
        run_id: run.id,
      })),
    )
    .execute();
  // Marie's first post late on day 0, another early on UTC day 7 (6 days 2 hours later).
  const post = (id: number, at: number) => ({
    kind: 'topic' as const,
    id,
    community_id: community.id,
    group_id: 0,
    topic_id: id,
    in_reply_to: null,
    author_id: ids.member,
    detail: 'question',
    created_at: at,
    deleted: 0,
    accepted_reply_id: null,
    first_reply_id: null,
    first_reply_at: null,
    first_reply_by: null,
    first_reaction_at: null,
    first_reaction_by: null,
  });
  const first = day0 + 23 * HOUR;
  await d
    .insertInto('rollup_posts')
    .values([post(1, first), post(2, day0 + 7 * DAY + HOUR)])
    .execute();
  await d
    .insertInto('rollup_first_posts')
    .values({
      community_id: community.id,
      group_id: 0,
      member_id: ids.member,
      post_kind: 'topic',
      post_id: 1,
      created_at: first,
      kept30: keptByOldFold,
      kept90: 0,
    })
    .execute();
  return ids;
}

describe.each(databases)('migration 015 on an earlier import, %s', (kind) => {
  let db: TestStore;
  let ids: Awaited<ReturnType<typeof importedBefore015>>;

  beforeAll(async () => {
    db = await createTestStore(kind, { migrateTo: '012_month_gone' });
    // The SQLite fold compared exact times (not yet 7 days); PostgreSQL's counted UTC days.
    ids = await importedBefore015(db, kind === 'sqlite' ? 0 : 1);
    expect(await migrateToLatest(db.store)).toContain('015_system_accounts');
  });
  afterAll(() => db.drop());

  it('marks the imported bot and deleted authors as system accounts, and no one else', async () => {
    const rows = await db.store.db
      .selectFrom('users')
      .select('id')
      .where('is_system', '=', 1)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.id)).toEqual([ids.bot, ids.deleted]);
  });

  it('counts a newcomer who came back on UTC day 7 as retained, on every engine', async () => {
    const row = await db.store.db
      .selectFrom('rollup_first_posts')
      .select(['kept30', 'kept90'])
      .where('member_id', '=', ids.member)
      .executeTakeFirstOrThrow();
    expect({ kept30: Number(row.kept30), kept90: Number(row.kept90) }).toEqual({
      kept30: 1,
      kept90: 0,
    });
  });
});
