import { describe, expect, it } from 'vitest';
import { hashPassword, passwordMatches } from './passwords.ts';

describe('staff passwords', () => {
  it('are argon2id hashes, salted, that only the password opens', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b); // a salt of its own
    expect(await passwordMatches(a, 'correct horse battery')).toBe(true);
    expect(await passwordMatches(a, 'correct horse battery ')).toBe(false);
  });

  it('say no to an account without a password, after the same work', async () => {
    const start = performance.now();
    expect(await passwordMatches(null, 'anything at all')).toBe(false);
    expect(performance.now() - start).toBeGreaterThan(1); // an argon2 verification ran, not an early return
  });
});
