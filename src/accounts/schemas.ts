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

const tokenName = z.string().trim().min(1).max(80).describe('What the token is for.');

export const tokenInput = z.object({
  name: tokenName,
  expiresAt: z.iso
    .datetime({ offset: true })
    .nullish()
    .describe('When the token stops working (ISO 8601, in the future); none: until revoked.'),
});

/** The page offers a few lifetimes rather than a date, as most services do. */
export const tokenLifetimes = ['', '7', '30', '90', '365'] as const;

export const tokenFormInput = z.object({
  name: tokenName,
  expiresInDays: z.enum(tokenLifetimes).default(''),
});

export const tokenIdParams = z.object({
  id: z
    .string()
    .regex(/^[0-9]{1,15}$/)
    .transform(Number)
    .describe('The token’s identifier.'),
});

const currentPassword = z.string().min(1).max(200).describe('The account’s current password.');

export const changePasswordInput = z.object({
  currentPassword,
  newPassword: password.describe('The new password, 10 to 200 characters.'),
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const changeEmailInput = z.object({
  email: email.describe('The new address; it takes effect once the link sent there is used.'),
  currentPassword,
});
export type ChangeEmailInput = z.infer<typeof changeEmailInput>;

export const confirmEmailInput = z.object({
  token: z.string().min(10).max(200).describe('The token of the link sent to the new address.'),
});

export const handleParams = z.object({ handle: z.string().max(60) });

export const deletionInput = z.object({
  currentPassword,
  posts: z
    .enum(['keep', 'delete'])
    .describe(
      'keep: one’s posts stay, signed “former member”; delete: they are deleted with the account.',
    ),
});
export type DeletionInput = z.infer<typeof deletionInput>;
