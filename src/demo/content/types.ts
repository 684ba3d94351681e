import type { DemoConversation } from './conversations.js';
import type { TeamConversation, TeamThread } from './team-voice.js';
/** Shapes of the demo data: plain values, no database ids, so any store can load them. */
export type DemoTypology = 'internal_community' | 'internal_social_network' | 'process_support';
export type DemoVisibility = 'public' | 'private' | 'invite_only';

export interface DemoMember {
  handle: string;
  displayName: string;
  email: string;
  bio: string;
  createdAt: number;
  isAdmin: boolean;
}

export interface DemoGroup {
  slug: string;
  name: string;
  description: string;
  visibility: DemoVisibility;
  createdAt: number;
  members: { handle: string; role: 'member' | 'animator'; joinedAt: number }[];
}

export interface DemoCommunity {
  slug: string;
  name: string;
  purpose: string;
  typology: DemoTypology;
  visibility: DemoVisibility;
  /** Markdown. */
  charter: string;
  createdAt: number;
  memberships: {
    handle: string;
    role: 'member' | 'moderator' | 'animator' | 'sponsor';
    joinedAt: number;
  }[];
  groups: DemoGroup[];
}

export interface DemoReply {
  authorHandle: string;
  body: string;
  createdAt: number;
  /** Index of the reply answered inside this topic's replies, or null. */
  parentIndex: number | null;
}

export interface DemoReaction {
  handle: string;
  kind: 'merci' | 'like' | 'insightful' | 'support';
  /** The topic itself, or the index of one of its replies. */
  target: 'topic' | number;
  createdAt: number;
}

export interface DemoTopic {
  communitySlug: string;
  groupSlug: string | null;
  authorHandle: string;
  kind: 'discussion' | 'question';
  title: string;
  /** Markdown. */
  body: string;
  createdAt: number;
  replies: DemoReply[];
  acceptedReplyIndex: number | null;
  reactions: DemoReaction[];
}

export interface DemoVisit {
  handle: string;
  communitySlug: string;
  /** Index in DemoData.topics. */
  topicIndex: number;
  at: number;
}

/** A reader without an account, logged once a day per scope (instance: no community). */
export interface DemoAnonymousVisit {
  communitySlug: string | null;
  groupSlug: string | null;
  at: number;
}

export interface DemoData {
  members: DemoMember[];
  communities: DemoCommunity[];
  topics: DemoTopic[];
  visits: DemoVisit[];
  anonymousVisits: DemoAnonymousVisit[];
  animatorHandle: string;
  /** Private conversations of the last days (src/demo/content/conversations.ts). */
  conversations: DemoConversation[];
  /** The main community's team voice and what it said (src/demo/content/team-voice.ts). */
  team: DemoTeam | undefined;
}

/** A team voice: its name, its animators with how each signs, a topic and a conversation. */
export interface DemoTeam {
  communitySlug: string;
  name: string;
  animators: { handle: string; signatureStyle: 'first_name' | 'initials' }[];
  thread: TeamThread;
  conversation: TeamConversation;
}

export interface DemoOptions {
  /** Epoch ms; every date lies within the 365 days before it. */
  now: number;
  seed?: number;
}
