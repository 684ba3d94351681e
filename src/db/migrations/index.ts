import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { Dialect } from '../dialect.js';
import * as core from './001_core.js';
import * as search from './002_search.js';
import * as imports from './003_imports.js';
import * as rollups from './004_rollups.js';
import * as recent from './005_recent.js';
import * as anonymousVisitors from './006_anonymous_visitors.js';
import * as recentRungs from './007_recent_rungs.js';
import * as firstPostFacts from './008_first_post_facts.js';
import * as recentGroups from './009_recent_groups.js';
import * as recentLastSpoke from './010_recent_last_spoke.js';
import * as renderQueue from './011_render_queue.js';
import * as monthGone from './012_month_gone.js';
import * as accountSecurity from './013_account_security.js';
import * as rateCounters from './014_rate_counters.js';
import * as systemAccounts from './015_system_accounts.js';
import * as purposePublic from './016_purpose_public.js';
import * as deletionReason from './017_deletion_reason.js';
import * as searchFacts from './018_search_facts.js';
import * as ownData from './019_own_data.js';
import * as jobs from './020_jobs.js';
import * as notifications from './024_notifications.js';
import * as messages from './021_messages.js';
import * as notificationEmails from './025_notification_emails.js';
import * as pulse from './026_pulse.js';
import * as recognition from './028_recognition.js';
import * as welcome from './030_welcome.js';
import * as welcomeFigures from './034_welcome_figures.js';
import * as crisisSignals from './038_crisis_signals.js';
import * as crises from './039_crises.js';
import * as teamVoices from './029_team_voices.js';
import * as watchWords from './037_watch_words.js';
import * as buddies from './031_buddies.js';
import * as firstSteps from './032_first_steps.js';
import * as announcements from './033_announcements.js';
import * as moderation from './035_moderation.js';
import * as trustLevels from './036_trust_levels.js';

type DialectMigration = { up(db: Kysely<unknown>, dialect: Dialect): Promise<void> };

const all: Record<string, DialectMigration> = {
  '001_core': core,
  '002_search': search,
  '003_imports': imports,
  '004_rollups': rollups,
  '005_recent': recent,
  '006_anonymous_visitors': anonymousVisitors,
  '007_recent_rungs': recentRungs,
  '008_first_post_facts': firstPostFacts,
  '009_recent_groups': recentGroups,
  '010_recent_last_spoke': recentLastSpoke,
  '011_render_queue': renderQueue,
  '012_month_gone': monthGone,
  '013_account_security': accountSecurity,
  '014_rate_counters': rateCounters,
  '015_system_accounts': systemAccounts,
  '016_purpose_public': purposePublic,
  '017_deletion_reason': deletionReason,
  '018_search_facts': searchFacts,
  '019_own_data': ownData,
  '020_jobs': jobs,
  '024_notifications': notifications,
  '021_messages': messages,
  '025_notification_emails': notificationEmails,
  '026_pulse': pulse,
  '028_recognition': recognition,
  '029_team_voices': teamVoices,
  '030_welcome': welcome,
  '034_welcome_figures': welcomeFigures,
  '031_buddies': buddies,
  '032_first_steps': firstSteps,
  '033_announcements': announcements,
  '038_crisis_signals': crisisSignals,
  '035_moderation': moderation,
  '039_crises': crises,
  '036_trust_levels': trustLevels,
  '037_watch_words': watchWords,
};

/** Migrations live in code; each receives the dialect so it can write engine-specific DDL. */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    getMigrations() {
      const entries = Object.entries(all).map(([name, m]): [string, Migration] => [
        name,
        { up: (db) => m.up(db, dialect) },
      ]);
      return Promise.resolve(Object.fromEntries(entries));
    },
  };
}
