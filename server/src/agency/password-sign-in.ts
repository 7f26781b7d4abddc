/**
 * Signing in with an address and a password, for a staff member or a traveller alike: the failure limits
 * first (429 with Retry-After, even with the right password), then the check, which answers an unknown
 * address and a wrong password the same way and after the same work (passwords.ts).
 */
import type { Response } from 'express';
import { HttpError } from '../http/errors.ts';
import type { LoginAttempts } from './login-limits.ts';
import { passwordMatches } from './passwords.ts';

export const WRONG_CREDENTIALS = 'The e-mail address or the password is wrong.';

export async function signInWithPassword<T extends { passwordHash: string | null }>(
  attempts: LoginAttempts,
  res: Pick<Response, 'setHeader'>,
  try_: { email: string; password: string; address: string; now: number },
  find: (email: string) => Promise<T | null>,
): Promise<T> {
  const wait = attempts.waitSeconds(try_.email, try_.address, try_.now);
  if (wait > 0) {
    res.setHeader('Retry-After', String(wait));
    throw new HttpError(429, 'rate_limited', `Too many failed sign-ins: try again in ${wait} s.`);
  }
  const account = await find(try_.email);
  if (!(await passwordMatches(account?.passwordHash ?? null, try_.password)) || !account) {
    attempts.recordFailure(try_.email, try_.address, try_.now);
    throw new HttpError(401, 'unauthenticated', WRONG_CREDENTIALS);
  }
  attempts.recordSuccess(try_.email);
  return account;
}
