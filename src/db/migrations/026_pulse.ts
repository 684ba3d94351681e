import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * The pulse (issue 22): each member's time zone and pulse settings, the claims and records of
 * sent pulses (one per member and period, whichever instance sends it), and the animators' pins
 * and exclusions.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  const time = 'bigint';
  // An IANA zone ("Europe/Paris"); null: the instance's DEFAULT_TIME_ZONE.
  await db.schema.alterTable('users').addColumn('time_zone', 'text').execute();

  // No row: weekly, the default. `last_period_at` is the last occurrence (its local Monday or day
  // at 08:00) handled, sent or found empty; `last_sent_at` is what the next pulse starts from.
  await db.schema
    .createTable('pulse_settings')
    .addColumn('user_id', 'bigint', (c) => c.primaryKey())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('last_period_at', time)
    .addColumn('last_sent_at', time)
    .addColumn('updated_at', time, (c) => c.notNull())
    .addCheckConstraint(
      'pulse_settings_frequency_ck',
      sql`frequency in ('daily', 'weekly', 'never')`,
    )
    .execute();

  // One row per member and period: inserting it claims the pulse (the key `pulse:<user>:<period>`
  // as a primary key); `token` is the opaque id the pulse's links carry, so that a click counts.
  await db.schema
    .createTable('pulse_sends')
    .addColumn('user_id', 'bigint', (c) => c.notNull())
    .addColumn('period_at', time, (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('claimed_at', time, (c) => c.notNull())
    .addColumn('sent_at', time)
    .addPrimaryKeyConstraint('pulse_sends_pk', ['user_id', 'period_at'])
    .addUniqueConstraint('pulse_sends_token_uq', ['token'])
    .addCheckConstraint('pulse_sends_state_ck', sql`state in ('claimed', 'sent', 'empty')`)
    .execute();

  // One pinned topic per space (`scope`: "c<community>" or "g<group>"), into each member's next
  // pulse; and topics kept out of every pulse.
  await db.schema
    .createTable('pulse_pins')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'bigint', (c) => c.notNull())
    .addColumn('group_id', 'bigint')
    .addColumn('topic_id', 'bigint', (c) => c.notNull())
    .addColumn('pinned_by', 'bigint', (c) => c.notNull())
    .addColumn('pinned_at', time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pulse_pins_community_idx')
    .on('pulse_pins')
    .column('community_id')
    .execute();
  await db.schema
    .createTable('pulse_exclusions')
    .addColumn('topic_id', 'bigint', (c) => c.primaryKey())
    .addColumn('community_id', 'bigint', (c) => c.notNull())
    .addColumn('excluded_by', 'bigint', (c) => c.notNull())
    .addColumn('excluded_at', time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pulse_exclusions_community_idx')
    .on('pulse_exclusions')
    .column('community_id')
    .execute();

  // What members have seen in the page since their last pulse, read per batch of members.
  await db.schema
    .createIndex('activity_log_views_idx')
    .on('activity_log')
    .columns(['actor_id', 'created_at'])
    .where(sql.ref('kind'), '=', 'content.viewed')
    .execute();
}
