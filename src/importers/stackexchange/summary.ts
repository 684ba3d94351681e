/** What an import did, printed at the end and kept in import_runs.summary. */
export interface ImportSummary {
  site: string;
  communityId: number;
  members: { imported: number; alreadyImported: number; systemAccounts: number };
  topics: { imported: number; alreadyImported: number };
  replies: { answers: number; comments: number };
  acceptedAnswers: number;
  reactions: number;
  skipped: { posts: number; comments: number };
  seconds: { total: number; reading: number; members: number; topics: number };
  /** Questions, answers and comments written per second of the whole run. */
  postsPerSecond: number;
  /** Posts of the instance whose HTML and search entries are still to be made (render queue). */
  waitingToRender: number;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const secs = (n: number) => `${n.toFixed(2)} s`;

export function formatSummary(s: ImportSummary): string[] {
  const replies = s.replies.answers + s.replies.comments;
  return [
    `Stack Exchange import of ${s.site} into community ${s.communityId}:`,
    `  members:          ${fmt(s.members.imported)} imported, ${fmt(s.members.alreadyImported)} already imported` +
      (s.members.systemAccounts ? ` (+ ${s.members.systemAccounts} system accounts)` : ''),
    `  topics:           ${fmt(s.topics.imported)} imported, ${fmt(s.topics.alreadyImported)} already imported`,
    `  replies:          ${fmt(replies)} (${fmt(s.replies.answers)} answers, ${fmt(s.replies.comments)} comments)`,
    `  accepted answers: ${fmt(s.acceptedAnswers)}`,
    `  reactions:        ${fmt(s.reactions)}`,
    `  skipped:          ${fmt(s.skipped.posts)} posts (tag wikis and other types), ${fmt(s.skipped.comments)} comments on posts not imported`,
    `  elapsed:          ${secs(s.seconds.total)} (reading ${secs(s.seconds.reading)}, members ${secs(s.seconds.members)}, topics ${secs(s.seconds.topics)})`,
    `  throughput:       ${fmt(Math.round(s.postsPerSecond))} posts/s`,
    ...(s.waitingToRender > 0
      ? [
          `  search:           ${fmt(s.waitingToRender)} posts wait to be rendered and indexed: the server does it in the background, \`ruche render\` does it now`,
        ]
      : []),
  ];
}
