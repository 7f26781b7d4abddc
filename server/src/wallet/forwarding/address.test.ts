import { describe, expect, it } from 'vitest';
import { addressOf, base32, hashToken, newToken, tokenOfRecipient } from './address.ts';

describe('forwarding address', () => {
  it('encodes bytes as RFC 4648 base32, lowercase, without padding', () => {
    expect(base32(new TextEncoder().encode('fooba'))).toBe('mzxw6ytb');
    expect(base32(new TextEncoder().encode('foobar'))).toBe('mzxw6ytboi');
  });

  it('makes a new 120-bit token each time, 24 lowercase letters and digits', () => {
    const tokens = new Set(Array.from({ length: 1000 }, newToken));
    expect(tokens.size).toBe(1000);
    for (const t of tokens) expect(t).toMatch(/^[a-z2-7]{24}$/);
  });

  it('stores a hash that is not the token and is the same for the same token', () => {
    const token = newToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
    expect(hashToken(token)).toBe(hashToken(token));
  });

  it('reads the token back from its address, whatever the case and a +tag', () => {
    const token = newToken();
    const address = addressOf(token, 'in.escale.localhost');
    expect(tokenOfRecipient(address, 'in.escale.localhost')).toBe(token);
    expect(tokenOfRecipient(address.toUpperCase(), 'in.escale.localhost')).toBe(token);
    expect(tokenOfRecipient(`${token}+flights@in.escale.localhost`, 'in.escale.localhost')).toBe(token);
  });

  it('refuses an address of another domain, or whose local part is not a token', () => {
    const token = newToken();
    expect(tokenOfRecipient(`${token}@example.com`, 'in.escale.localhost')).toBeNull();
    expect(tokenOfRecipient('postmaster@in.escale.localhost', 'in.escale.localhost')).toBeNull();
    expect(tokenOfRecipient(`${token.slice(1)}@in.escale.localhost`, 'in.escale.localhost')).toBeNull();
    expect(tokenOfRecipient(`${token}1@in.escale.localhost`, 'in.escale.localhost')).toBeNull();
    expect(tokenOfRecipient(token, 'in.escale.localhost')).toBeNull();
  });
});
