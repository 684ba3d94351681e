import { z } from 'zod';
import { locales } from '../i18n/index.js';

const email = z.string().trim().toLowerCase().email().max(254).describe('Email address.');
const password = z.string().min(10).max(200).describe('Password, 10 to 200 characters.');
const displayName = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .describe('Name or pseudonym shown to other members.');

export const signUpInput = z.object({ email, password, displayName });
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({
  email,
  password: z.string().min(1).max(200).describe('Password.'),
});
export type SignInInput = z.infer<typeof signInInput>;

export const forgotPasswordInput = z.object({ email });

export const resetPasswordInput = z.object({
  token: z.string().min(10).max(200).describe('The token received by email.'),
  password,
});

export const handleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_-]{3,30}$/)
  .describe('Handle used in @mentions: 3 to 30 of a-z, 0-9, _ and -.');

export const profileInput = z.object({
  displayName: displayName.optional(),
  handle: handleSchema.optional(),
  bio: z.string().max(2000).optional().describe('A few words about oneself (Markdown).'),
  locale: z
    .enum([...locales, ''])
    .optional()
    .describe('Preferred language; empty to follow the browser.'),
});
export type ProfileInput = z.infer<typeof profileInput>;

export const tokenInput = z.object({
  name: z.string().trim().min(1).max(80).describe('What the token is for.'),
});

export const handleParams = z.object({ handle: z.string().max(60) });
