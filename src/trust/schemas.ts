import { z } from 'zod';
import { idParam } from '../http/index.js';

export const userParams = z.object({ id: idParam('The member.') });

export const trustInput = z.object({
  level: z
    .number()
    .int()
    .describe('0 new, 1 basic, 2 member, 3 regular, 4 leader (only ever set by hand).'),
  locked: z.boolean().describe('Locked: the level job leaves the level as it is.'),
});
