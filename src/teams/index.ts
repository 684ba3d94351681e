/**
 * Team voices: a community's team identities ("L'équipe Unis-Cité") that its animators post,
 * reply and write private messages as, each post signed by the animator; the real author is kept
 * in an audit trail that only instance admins read (docs/decisions/010-team-voices.md).
 */
export {
  addTeamMember,
  animatorsBehind,
  createTeam,
  recordTeamPost,
  requireVoice,
  signaturesFor,
  teamAccountsOf,
  teamsAmong,
  teamsOfViewer,
  voicesIn,
  voicesOfPosts,
  type PostVoice,
  type TeamsAmong,
  type Voice,
} from './service.js';
export { signatureOf, teamInitials } from './signature.js';
export { AsTeamField, TeamAuthor, TeamSignature } from './pages/voice.js';
export { registerTeamsApi } from './routes-api.js';
export { registerTeamsPages } from './routes-pages.js';
export { teamsMessages } from './messages.js';
export { teamPostsAuditPath, teamsPath } from './paths.js';
