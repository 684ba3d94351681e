import { AppError } from '../http/index.js';

let common: Promise<Set<string>> | undefined;

/**
 * The 49,000 passwords most found in leaks, as zxcvbn-ts keeps them (lower case). Loaded on the
 * first check, not at start-up: the list takes some 50 ms to unpack.
 */
function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common']),
  );
  return common;
}

export async function isCommonPassword(password: string): Promise<boolean> {
  return (await commonPasswords()).has(password.toLowerCase());
}

/** Refuses a new password that attackers try first, naming the form's field. */
export async function assertUncommonPassword(password: string, field: string): Promise<void> {
  if (await isCommonPassword(password))
    throw new AppError('invalid_input', { field, messageKey: 'accounts.password.common' });
}
