import { z } from 'zod';
import { idParam } from '../http/index.js';
import { signatureStyles } from './signature.js';

export const communityParams = z.object({ id: idParam('The community.') });
export const teamParams = z.object({ id: idParam('The team voice.') });
export const memberParams = z.object({
  id: idParam('The team voice.'),
  userId: idParam('The animator.'),
});

export const teamInput = z.object({
  name: z
    .string()
    .trim()
    .min(3)
    .max(80)
    .describe('The team’s name as members see it, e.g. « L’équipe Unis-Cité ».'),
});

export const memberInput = z.object({
  handle: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('The handle of an animator of the community (with or without @).'),
  signatureStyle: z
    .enum(signatureStyles)
    .default('first_name')
    .describe('How they sign the team’s posts: first_name ("— Camille") or initials ("— C.M.").'),
});

export const auditQuery = z.object({
  kind: z.enum(['topic', 'reply', 'message']).optional().describe('Only posts of this kind.'),
  targetId: idParam('Only this post or message (with kind).').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('Rows to show.'),
});

const member = z.object({
  userId: z.number().int(),
  handle: z.string(),
  displayName: z.string(),
  signatureStyle: z.enum(signatureStyles),
  signature: z.string().describe('What readers see under the team’s posts, after a dash.'),
});

const team = z.object({
  id: z.number().int(),
  communityId: z.number().int(),
  name: z.string(),
  initials: z.string().describe('Its avatar: the initials of its name.'),
  handle: z.string().describe('The handle members write to, to reach every animator of the team.'),
  members: z.array(member),
});

export const teamList = z.object({ teams: z.array(team) });
export const teamCreated = z.object({ team: z.object({ id: z.number().int(), name: z.string() }) });
export const done = z.null().describe('Done: no content.');

export const auditList = z.object({
  posts: z.array(
    z.object({
      kind: z.enum(['topic', 'reply', 'message']),
      targetId: z.number().int(),
      team: z.object({ id: z.number().int(), name: z.string(), communityId: z.number().int() }),
      author: z
        .object({ handle: z.string(), displayName: z.string() })
        .nullable()
        .describe('Who really wrote it (null: the account was removed).'),
      signature: z.string(),
      createdAt: z.string(),
    }),
  ),
});
