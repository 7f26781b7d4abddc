/**
 * Staff passwords: argon2id (the @node-rs/argon2 default: m = 19 MiB, t = 2, p = 1, OWASP's first
 * recommendation), stored as its PHC string. An unknown account is checked against a hash of a random
 * password, so that it costs the same time as a wrong password and tells an attacker nothing.
 */
import { randomBytes } from 'node:crypto';

/** The native argon2 binding, loaded at the first password: most starts and most requests never need it. */
const argon2 = () => import('@node-rs/argon2');

export const hashPassword = async (password: string): Promise<string> => (await argon2()).hash(password);

let decoy: Promise<string> | null = null;

/** Whether `password` opens `stored`; false (after the same work) when there is no stored hash. */
export async function passwordMatches(stored: string | null, password: string): Promise<boolean> {
  const { verify } = await argon2();
  if (stored === null) {
    decoy ??= hashPassword(randomBytes(24).toString('base64url'));
    await verify(await decoy, password);
    return false;
  }
  return verify(stored, password);
}
