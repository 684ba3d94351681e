// Writes the benchmark's world into an empty, migrated database in one transaction, with the
// bulk writer the imports and roll-ups use (src/db/bulk.ts).
import { bulkInsert, type BulkColumns, type Database, type Store } from '../../src/db/index.js';
import type {
  CommunityRow,
  GroupRow,
  LogRow,
  NotificationRow,
  ReactionRow,
  ReplyRow,
  TopicRow,
  UserRow,
  World,
} from './world.js';

const id = 'bigint' as const;
const text = 'text' as const;

const users: BulkColumns<UserRow> = {
  id,
  email: text,
  handle: text,
  password_hash: text,
  display_name: text,
  bio: text,
  locale: text,
  is_admin: id,
  created_at: id,
  updated_at: id,
  time_zone: text,
};
const communities: BulkColumns<CommunityRow> = {
  id,
  slug: text,
  name: text,
  purpose: text,
  typology: text,
  visibility: text,
  created_by: id,
  created_at: id,
  updated_at: id,
};
const memberships: BulkColumns<Database['memberships']> = {
  community_id: id,
  user_id: id,
  role: text,
  status: text,
  charter_version: id,
  joined_at: id,
  charter_accepted_at: id,
};
const groups: BulkColumns<GroupRow> = {
  id,
  community_id: id,
  slug: text,
  name: text,
  description: text,
  visibility: text,
  created_by: id,
  created_at: id,
};
const groupMembers: BulkColumns<Database['group_members']> = {
  group_id: id,
  user_id: id,
  role: text,
  status: text,
  joined_at: id,
};
const topics: BulkColumns<TopicRow> = {
  id,
  community_id: id,
  group_id: id,
  author_id: id,
  kind: text,
  title: text,
  body: text,
  body_html: text,
  accepted_reply_id: id,
  reply_count: id,
  created_at: id,
  updated_at: id,
  last_activity_at: id,
  deleted_at: id,
};
const replies: BulkColumns<ReplyRow> = {
  id,
  topic_id: id,
  parent_reply_id: id,
  author_id: id,
  body: text,
  body_html: text,
  created_at: id,
  updated_at: id,
  deleted_at: id,
};
const reactions: BulkColumns<ReactionRow> = {
  target_kind: text,
  target_id: id,
  user_id: id,
  kind: text,
  created_at: id,
};
const log: BulkColumns<LogRow> = {
  actor_id: id,
  community_id: id,
  group_id: id,
  kind: text,
  target_kind: text,
  target_id: id,
  topic_id: id,
  in_reply_to: id,
  detail: text,
  created_at: id,
};
const notifications: BulkColumns<NotificationRow> = {
  user_id: id,
  subject: text,
  kind: text,
  actor_id: id,
  actor_count: id,
  community_id: id,
  group_id: id,
  topic_id: id,
  reply_id: id,
  conversation_id: id,
  in_app: id,
  email: id,
  created_at: id,
  updated_at: id,
  read_at: id,
  emailed_at: id,
};

export async function seedWorld(s: Store, w: World): Promise<void> {
  await s.db.transaction().execute(async (trx) => {
    await bulkInsert(s, trx, 'users', users, w.users);
    await bulkInsert(s, trx, 'communities', communities, w.communities);
    await bulkInsert(s, trx, 'memberships', memberships, w.memberships);
    await bulkInsert(s, trx, 'groups', groups, w.groups);
    await bulkInsert(s, trx, 'group_members', groupMembers, w.groupMembers);
    await bulkInsert(s, trx, 'topics', topics, w.topics);
    await bulkInsert(s, trx, 'replies', replies, w.replies);
    await bulkInsert(s, trx, 'reactions', reactions, w.reactions);
    await bulkInsert(s, trx, 'activity_log', log, w.log);
    await bulkInsert(s, trx, 'notifications', notifications, w.notifications);
    if (w.pins.length > 0) await trx.insertInto('pulse_pins').values(w.pins).execute();
    if (w.exclusions.length > 0)
      await trx.insertInto('pulse_exclusions').values(w.exclusions).execute();
  });
}
