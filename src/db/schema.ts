import type { Generated } from 'kysely';
// The one feature type the schema names: the log's kinds, so that every reader of the log is
// checked against the list (src/activity/kinds.ts) and a new kind reaches each of them.
import type { ActivityKind } from '../activity/index.js';

/**
 * The tables of Ruche. Times are epoch milliseconds (integer on SQLite, bigint on
 * PostgreSQL, read back as numbers) so both dialects compare and bucket them alike.
 * Flags are 0/1 integers for the same reason.
 */
export interface Database {
  instance_settings: { key: string; value: string };
  users: {
    id: Generated<number>;
    email: string;
    handle: string;
    password_hash: string;
    display_name: string;
    bio: string;
    locale: string | null;
    is_admin: number;
    /** 1 for an imported site's bot and its deleted authors' account: never a member. */
    is_system: Generated<number>;
    created_at: number;
    updated_at: number;
    /** When the member asked for the account's deletion; signing in before 14 days cancels it. */
    deletion_requested_at: Generated<number | null>;
    /** What becomes of the member's posts: 'keep' (signed "former member") or 'delete'. */
    deletion_posts: Generated<string | null>;
    /** When the account was anonymised; the row stays as the tombstone of its activity (019). */
    deleted_at: Generated<number | null>;
    /** The member's IANA time zone; null: the instance's DEFAULT_TIME_ZONE (026_pulse). */
    time_zone: Generated<string | null>;
  };
  sessions: {
    token_hash: string;
    user_id: number;
    created_at: number;
    expires_at: number;
  };
  password_resets: {
    token_hash: string;
    user_id: number;
    created_at: number;
    expires_at: number;
    used_at: number | null;
  };
  api_tokens: {
    id: Generated<number>;
    user_id: number;
    name: string;
    token_hash: string;
    created_at: number;
    last_used_at: number | null;
    /** After it the token is refused; null: until revoked (013_account_security). */
    expires_at: number | null;
  };
  /** An address change waiting for the link sent to the new address (013_account_security). */
  email_changes: {
    token_hash: string;
    user_id: number;
    new_email: string;
    created_at: number;
    expires_at: number;
  };
  communities: {
    id: Generated<number>;
    slug: string;
    name: string;
    purpose: string;
    /** 1: a private community shows its purpose to non-members too; 0: to members only. */
    purpose_public: Generated<number>;
    typology: string;
    visibility: string;
    created_by: number | null;
    created_at: number;
    updated_at: number;
    /** Where its announcements' schedules are read, an IANA zone (033_announcements). */
    time_zone: Generated<string>;
  };
  charters: {
    id: Generated<number>;
    community_id: number;
    version: number;
    body: string;
    created_by: number | null;
    created_at: number;
  };
  memberships: {
    community_id: number;
    user_id: number;
    role: string;
    status: string;
    charter_version: number | null;
    joined_at: number;
    /** When the member accepted `charter_version` (019_own_data; null before it). */
    charter_accepted_at: number | null;
  };
  groups: {
    id: Generated<number>;
    community_id: number;
    slug: string;
    name: string;
    description: string;
    visibility: string;
    created_by: number | null;
    created_at: number;
  };
  group_members: {
    group_id: number;
    user_id: number;
    role: string;
    status: string;
    joined_at: number;
  };
  topics: {
    id: Generated<number>;
    community_id: number;
    group_id: number | null;
    author_id: number;
    kind: string;
    title: string;
    body: string;
    body_html: string;
    accepted_reply_id: number | null;
    reply_count: number;
    /** Up minus down votes, as imported from Stack Exchange (003_imports). */
    score: Generated<number>;
    created_at: number;
    updated_at: number;
    last_activity_at: number;
    deleted_at: number | null;
    /** Why it was deleted, if whoever deleted it said (017_deletion_reason). */
    deletion_reason: Generated<string | null>;
    /** Hidden pending review by moderation (035_moderation); null: shown. */
    hidden_at: Generated<number | null>;
  };
  replies: {
    id: Generated<number>;
    topic_id: number;
    parent_reply_id: number | null;
    author_id: number;
    body: string;
    body_html: string;
    score: Generated<number>;
    created_at: number;
    updated_at: number;
    deleted_at: number | null;
    /** Why it was deleted, if whoever deleted it said (017_deletion_reason). */
    deletion_reason: Generated<string | null>;
    /** Hidden pending review by moderation (035_moderation); null: shown. */
    hidden_at: Generated<number | null>;
  };
  post_revisions: {
    id: Generated<number>;
    target_kind: string;
    target_id: number;
    title: string | null;
    body: string;
    edited_by: number;
    created_at: number;
  };
  reactions: {
    id: Generated<number>;
    target_kind: string;
    target_id: number;
    user_id: number;
    kind: string;
    created_at: number;
  };
  activity_log: {
    id: Generated<number>;
    actor_id: number | null;
    community_id: number | null;
    group_id: number | null;
    kind: ActivityKind;
    target_kind: string | null;
    target_id: number | null;
    topic_id: number | null;
    in_reply_to: number | null;
    detail: string | null;
    created_at: number;
  };
  rollup_state: { name: string; last_log_id: number };
  rollup_member_days: MemberCounts & { day: number };
  rollup_member_weeks: MemberCounts & { week: number };
  rollup_member_months: MemberCounts & { month: number };
  rollup_buckets: {
    community_id: number;
    group_id: number;
    grain: 'day' | 'week' | 'month';
    bucket: number;
    active: number;
    contributions: number;
    up: number | null;
    held: number | null;
    down: number | null;
    /** Members active the month before and not in this one (months only). */
    gone: number | null;
  };
  rollup_dirty: {
    community_id: number;
    group_id: number;
    grain: 'day' | 'week' | 'month';
    bucket: number;
  };
  rollup_posts: {
    kind: 'topic' | 'reply';
    id: number;
    community_id: number;
    group_id: number;
    topic_id: number;
    in_reply_to: number | null;
    author_id: number;
    detail: string | null;
    created_at: number;
    deleted: number;
    accepted_reply_id: number | null;
    first_reply_id: number | null;
    first_reply_at: number | null;
    first_reply_by: number | null;
    first_reaction_at: number | null;
    first_reaction_by: number | null;
  };
  /** Anonymous visitors per day and scope: visit.anonymous rows of the log, counted. */
  rollup_anonymous_days: { community_id: number; group_id: number; day: number; visitors: number };
  /** Today's random salt for anonymous visitor hashes; yesterday's is deleted. */
  visitor_salts: { day: number; salt: string };
  /** Salted visitor hashes already logged today per scope; earlier days are deleted. */
  visitors_seen: { day: number; community_id: number; group_id: number; visitor: string };
  rollup_recent_windows: { community_id: number; to_day: number; built_at: number };
  rollup_recent_members: {
    community_id: number;
    group_id: number;
    to_day: number;
    member_id: number;
    contributions: number;
    reactions: number;
    visits: number;
    weeks: number;
    last_week: number | null;
    active30: number;
    active60: number;
    spoke21: number;
    spoke7: number;
    /** The last day with a contribution in [to_day - 28, to_day - 7), if any. */
    last_spoke: number | null;
  };
  rollup_recent_rungs: {
    community_id: number;
    group_id: number;
    to_day: number;
    member_id: number;
    rung30: number;
    rung90: number;
    rung365: number;
  };
  rollup_recent_groups: {
    community_id: number;
    to_day: number;
    group_id: number;
    active30: number;
    active60: number;
  };
  rollup_first_posts: {
    community_id: number;
    group_id: number;
    member_id: number;
    post_kind: 'topic' | 'reply';
    post_id: number;
    created_at: number;
    /** Copied from the post's row in rollup_posts (first reply and reaction by someone else). */
    first_reply_at: Generated<number | null>;
    first_reply_by: Generated<number | null>;
    first_reaction_at: Generated<number | null>;
    first_reaction_by: Generated<number | null>;
    /** 1 if another live post in the scope followed on days 7–30 (30–90) after this one. */
    kept30: Generated<number>;
    kept90: Generated<number>;
  };
  rollup_memberships: {
    community_id: number;
    group_id: number;
    member_id: number;
    joined_at: number;
    left_at: number | null;
  };
  search_documents: {
    id: Generated<number>;
    doc_kind: 'topic' | 'reply';
    doc_id: number;
    topic_id: number;
    community_id: number;
    group_id: number | null;
    title: string;
    body: string;
    created_at: number;
    /** The topic's kind and whether it is a solved question (018_search_facts), for filters. */
    topic_kind: string;
    is_solved: number;
  };
  /** One row per run of an importer; the first run of a source created its community. */
  import_runs: {
    id: Generated<number>;
    source: string;
    community_id: number;
    /** Tells imported e-mail addresses apart when several sites share a database. */
    email_tag: string | null;
    started_at: number;
    finished_at: number | null;
    summary: string | null;
  };
  /** Which source id (user, question, answer, comment) became which row. */
  import_map: {
    source: string;
    kind: 'user' | 'deleted_user' | 'question' | 'answer' | 'comment';
    source_id: number;
    target_id: number;
    run_id: number;
  };
  /** Imported posts whose HTML and search entries are still to be made. */
  render_queue: { post_kind: 'topic' | 'reply'; post_id: number };
  /** Rate-limit counters shared by every instance: hits of one key in its current window. */
  rate_buckets: { key: string; hits: number; resets_at: number };
  /** Recent failed sign-ins of one account (or known device), and when the next try may come. */
  sign_in_failures: {
    key: string;
    failures: number;
    last_failure_at: number;
    next_attempt_at: number;
  };
  /** The deterministic keys of enqueued jobs: each is taken once (src/jobs/, 020). */
  job_keys: { key: string; job_name: string; created_at: number };
  /** The in-process driver's queue (SQLite only; PostgreSQL's jobs live in pg-boss's schema). */
  jobs: {
    id: Generated<number>;
    name: string;
    data: string;
    key: string | null;
    state: 'queued' | 'running' | 'failed';
    run_at: number;
    attempts: Generated<number>;
    max_attempts: number;
    backoff_ms: number;
    timeout_ms: number;
    locked_until: number | null;
    last_error: string | null;
    created_at: number;
    started_at: number | null;
    finished_at: number | null;
  };
  /** How far each consumer of the activity log has read it (024_notifications). */
  log_cursors: { name: string; last_log_id: number };
  /** One per member and subject; a later event on the subject updates it (024_notifications). */
  notifications: {
    id: Generated<number>;
    user_id: number;
    subject: string;
    kind: string;
    actor_id: number | null;
    actor_count: number;
    community_id: number | null;
    group_id: number | null;
    topic_id: number | null;
    reply_id: number | null;
    conversation_id: number | null;
    in_app: number;
    email: number;
    created_at: number;
    updated_at: number;
    read_at: number | null;
    /** When it went out by email (025); null: not yet, or something new since. */
    emailed_at: Generated<number | null>;
  };
  notification_actors: { notification_id: number; actor_id: number; at: number };
  topic_watches: { user_id: number; topic_id: number; level: string; updated_at: number };
  group_watches: { user_id: number; group_id: number; level: string; updated_at: number };
  notification_preferences: { user_id: number; kind: string; in_app: number; email: number };
  /** A private conversation between a few members (021_messages). */
  message_conversations: {
    id: Generated<number>;
    created_by: number;
    created_at: number;
    last_message_at: number;
    last_message_id: number | null;
  };
  /** Who is in a conversation, up to which message they read, and when they left it. */
  message_participants: {
    conversation_id: number;
    user_id: number;
    joined_at: number;
    last_read_message_id: Generated<number>;
    left_at: number | null;
  };
  /** A private message: Markdown and its sanitised HTML; erased with its author's posts. */
  messages: {
    id: Generated<number>;
    conversation_id: number;
    author_id: number;
    body: string;
    body_html: string;
    created_at: number;
    deleted_at: number | null;
  };
  /** A member's flag on a topic, reply, profile or received private message (035_moderation). */
  moderation_flags: {
    id: Generated<number>;
    community_id: number;
    target_kind: 'topic' | 'reply' | 'user' | 'message';
    target_id: number;
    flagger_id: number;
    reason: 'off_topic' | 'inappropriate' | 'spam' | 'harassment' | 'other';
    text: Generated<string>;
    created_at: number;
    /** null: awaiting review. */
    outcome: 'agreed' | 'disagreed' | 'ignored' | null;
    decided_at: number | null;
    decided_by: number | null;
  };
  /**
   * One staff or automatic moderation action (035_moderation): separate from the activity log,
   * never shown to members or sponsors. `actor_id` null: automatic, by `rule`.
   */
  moderation_audit: {
    id: Generated<number>;
    community_id: number | null;
    actor_id: number | null;
    rule: string | null;
    action: string;
    target_kind: string;
    target_id: number;
    reason: Generated<string>;
    created_at: number;
    reverses_id: number | null;
  };
  /** A community's moderation settings; no row: the defaults of src/moderation/score.ts. */
  moderation_settings: {
    community_id: number;
    hide_threshold: number;
    updated_by: number | null;
    updated_at: number;
  };
  /** A member who blocked another: no private message, no mention notification from them. */
  member_blocks: { blocker_id: number; blocked_id: number; created_at: number };
  /** A badge a member earned in a community, once (028_recognition; src/recognition/badges.ts). */
  badge_awards: {
    id: Generated<number>;
    user_id: number;
    community_id: number;
    badge: string;
    awarded_at: number;
  };
  /** An animator's portrait of a member, shown on the community's home once the member accepts. */
  spotlights: {
    id: Generated<number>;
    community_id: number;
    member_id: number;
    author_id: number;
    portrait: string;
    until_at: number;
    state: 'proposed' | 'accepted' | 'declined';
    created_at: number;
    answered_at: number | null;
  };
  /**
   * An announcement (issue 23): a draft, then scheduled, then published as a topic of kind
   * "announcement" (topic_id); pinned on its community's home or its group's page for pin_days.
   */
  announcements: {
    id: Generated<number>;
    community_id: number;
    group_id: number | null;
    author_id: number;
    /** Written as this team voice: the topic's author is the team's account. */
    team_id: number | null;
    title: string;
    body: string;
    state: 'draft' | 'scheduled' | 'published';
    scheduled_at: number | null;
    pin_days: Generated<number>;
    topic_id: number | null;
    published_at: number | null;
    /** Set when it goes out: published_at plus pin_days (null: not pinned). */
    pinned_until: number | null;
    /** Why the job could not publish it (an error code); it went back to the drafts. */
    failure: string | null;
    created_at: number;
    updated_at: number;
  };
  /** A community's recognition settings; no row: leaderboards off. */
  recognition_settings: {
    community_id: number;
    leaderboard: Generated<number>;
    updated_at: number;
  };
  /** A community's welcome template in one language, as its animators edited it (030_welcome). */
  welcome_templates: {
    community_id: number;
    locale: string;
    body: string;
    updated_by: number | null;
    updated_at: number;
  };
  /** A member who volunteers as a buddy (marraine, parrain) in a community (031_buddies). */
  buddy_volunteers: { community_id: number; user_id: number; since: number };
  /** A newcomer's current buddy; each assignment is also a `buddy.assigned` log row. */
  buddy_assignments: {
    community_id: number;
    newcomer_id: number;
    buddy_id: number;
    assigned_by: number | null;
    assigned_at: number;
  };
  /** A community's first-steps texts in one language; null: the default (032_first_steps). */
  first_steps_pages: {
    community_id: number;
    locale: string;
    welcome: string | null;
    ask: string | null;
    updated_by: number | null;
    updated_at: number;
  };
  /** Where a community's newcomers introduce themselves: a topic, a group, or neither. */
  first_steps_places: {
    community_id: number;
    introduce_topic_id: number | null;
    introduce_group_id: number | null;
    updated_at: number;
  };
  /** The raid detector's counters, per scope and signal (038_crisis_signals). */
  crisis_signals: {
    scope: string;
    signal: string;
    minute: number;
    recent: string;
    baseline: number;
  };
  /** A community's prepared crisis restrictions; no row: the defaults (039_crises). */
  crisis_settings: {
    community_id: number;
    auto_start: number;
    hold_young: number;
    slow_minutes: number;
    approve_signups: number;
    young_links_off: number;
    calm_minutes: number;
    updated_by: number | null;
    updated_at: number;
  };
  /** A crisis, on a topic or (topic_id null, topic_key 0) the whole community (039_crises). */
  crises: {
    id: Generated<number>;
    community_id: number;
    topic_id: number | null;
    topic_key: number;
    started_at: number;
    /** Null: started by the raid detector. */
    started_by: number | null;
    /** 'manual', or the signal that started it. */
    trigger: string;
    last_trigger_at: number;
    renewed_until: number | null;
    ended_at: number | null;
    /** Null when ended: ended by itself after the calm period. */
    ended_by: number | null;
  };
  /** A community's first-post alert setting; no row: on, after 24 hours. */
  first_post_alert_settings: {
    community_id: number;
    enabled: Generated<number>;
    hours: Generated<number>;
    updated_by: number | null;
    updated_at: number;
  };
  /** A newcomer's first post already alerted (once per member and community). */
  first_post_alerts: {
    id: Generated<number>;
    community_id: number;
    member_id: number;
    post_kind: 'topic' | 'reply';
    post_id: number;
    alerted_at: number;
    recipients: number;
  };
  /** A community's team identity, speaking through its own account (029_team_voices). */
  team_voices: {
    id: Generated<number>;
    community_id: number;
    account_id: number;
    name: string;
    created_by: number | null;
    created_at: number;
  };
  /** An animator who may speak as a team, and how they sign: 'first_name' or 'initials'. */
  team_voice_members: {
    team_id: number;
    user_id: number;
    signature_style: 'first_name' | 'initials';
    joined_at: number;
  };
  /** Who really wrote each team post or message: instance admins only. */
  team_voice_posts: {
    id: Generated<number>;
    team_id: number;
    author_id: number | null;
    target_kind: 'topic' | 'reply' | 'message';
    target_id: number;
    signature: string;
    created_at: number;
  };
  /** A member's pulse: how often, and the last one handled and sent (026_pulse). */
  pulse_settings: {
    user_id: number;
    frequency: 'daily' | 'weekly' | 'never';
    last_period_at: number | null;
    last_sent_at: number | null;
    updated_at: number;
  };
  /** One pulse of one member and period: claimed, then sent or found empty. */
  pulse_sends: {
    user_id: number;
    period_at: number;
    token: string;
    state: 'claimed' | 'sent' | 'empty';
    claimed_at: number;
    sent_at: number | null;
  };
  /** An animator's pinned topic for a space's next pulses (scope "c<id>" or "g<id>"). */
  pulse_pins: {
    scope: string;
    community_id: number;
    group_id: number | null;
    topic_id: number;
    pinned_by: number;
    pinned_at: number;
  };
  /** A community's watch word list (037_watch_words): entries one per line, and an action. */
  watch_lists: {
    id: Generated<number>;
    community_id: number;
    name: string;
    action: 'flag' | 'hold' | 'block';
    entries: string;
    /** What the author of a refused post reads (block); null: the default message. */
    message_fr: string | null;
    message_en: string | null;
    created_by: number | null;
    created_at: number;
    updated_by: number | null;
    updated_at: number;
  };
  /** Bumped by every change to a community's lists: compiled lists older than it are stale. */
  watch_word_versions: { community_id: number; version: number };
  /** A flag or hold match of a published post, for the moderation gate. */
  watch_word_matches: {
    id: Generated<number>;
    community_id: number;
    post_kind: 'topic' | 'reply';
    post_id: number;
    list_id: number | null;
    entry: string;
    action: 'flag' | 'hold';
    matched: string;
    created_at: number;
  };
  /** A topic an animator keeps out of every pulse. */
  pulse_exclusions: {
    topic_id: number;
    community_id: number;
    excluded_by: number;
    excluded_at: number;
  };
  /** A member's trust level and the counters that earn it (036_trust_levels, src/trust/). */
  trust_levels: {
    user_id: number;
    level: number;
    /** 1: staff locked it; the level job leaves it as it is. */
    locked: Generated<number>;
    /** Who set it by hand last (null: earned, or that staff member since removed). */
    set_by: number | null;
    /** When the level or its lock last changed. */
    updated_at: number;
    visit_days: Generated<number>;
    last_visit_day: Generated<number>;
    views: Generated<number>;
    topics_entered: Generated<number>;
    topics_replied: Generated<number>;
    reactions_given: Generated<number>;
    reactions_received: Generated<number>;
  };
  /** One member's counts on one day (epoch day, UTC), for the regular level's window. */
  trust_days: {
    user_id: number;
    day: number;
    views: Generated<number>;
    replies: Generated<number>;
    reactions_given: Generated<number>;
    reactions_received: Generated<number>;
  };
  /** A topic a member entered or replied to, kept only up to the largest threshold. */
  trust_topics: { user_id: number; topic_id: number; how: 'entered' | 'replied' };
}

/** A member's counts in one scope and time bucket (roll-ups of the activity log). */
interface MemberCounts {
  community_id: number;
  group_id: number;
  member_id: number;
  contributions: number;
  reactions: number;
  visits: number;
  commitments: number;
}
