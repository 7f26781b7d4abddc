import { describe, expect, it } from 'vitest';
import { urlWithoutPassword } from './url-without-password.ts';

describe('urlWithoutPassword', () => {
  it('hides the password and keeps what identifies the service', () => {
    expect(urlWithoutPassword('postgres://escale:s3cret@db.example:5432/escale')).toBe('postgres://escale:***@db.example:5432/escale');
    expect(urlWithoutPassword('redis://:s3cret@127.0.0.1:6379/0')).toBe('redis://:***@127.0.0.1:6379/0');
    expect(urlWithoutPassword('postgres://postgres@127.0.0.1:5432/test')).toBe('postgres://postgres@127.0.0.1:5432/test');
  });

  it('never echoes a URL it cannot read', () => {
    expect(urlWithoutPassword('postgres://user:p@ss word@host')).not.toContain('ss word');
  });
});
