/**
 * A traveller's forwarding address, `<token>@<SMTP_DOMAIN>`: the token is the only secret, 120 random bits
 * in lowercase base32 (24 letters and digits, safe in any mail system's local part, which may lowercase
 * it). Only its SHA-256 is stored, like a session token's: a copy of the database yields no working address.
 */
import { createHash, randomBytes } from 'node:crypto';

/** 15 bytes = 120 bits: unguessable (the brief asks ≥ 96), and a whole number of base32 letters (24). */
export const TOKEN_BYTES = 15;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const TOKEN_PATTERN = new RegExp(`^[${ALPHABET}]{${(TOKEN_BYTES * 8) / 5}}$`);

/** RFC 4648 base32, lowercase, without padding (the length is a multiple of 5 bytes). */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function newToken(): string {
  return base32(randomBytes(TOKEN_BYTES));
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function addressOf(token: string, domain: string): string {
  return `${token}@${domain}`;
}

/**
 * The token a recipient address carries, or null when it is not one of ours (another domain, a local part
 * that is not a token). Case is ignored: mail systems may change it. A `+tag` is ignored too, as mail
 * providers do, so a traveller may label what they forward.
 */
export function tokenOfRecipient(address: string, domain: string): string | null {
  const at = address.lastIndexOf('@');
  if (at < 0 || address.slice(at + 1).toLowerCase() !== domain) return null;
  const local = address.slice(0, at).toLowerCase().split('+')[0]!;
  return TOKEN_PATTERN.test(local) ? local : null;
}
