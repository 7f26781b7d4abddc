import { describe, expect, it } from 'vitest';
import { originOf } from './origin.ts';

describe('originOf', () => {
  it.each([
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['HTTPS://App.Example.com:443', 'https://app.example.com'],
    ['http://app.example.com:80/', 'http://app.example.com'],
    ['https://app.example.com:8443', 'https://app.example.com:8443'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
  ])('normalises %s to %s', (text, origin) => {
    expect(originOf(text)).toBe(origin);
  });

  it.each([
    ['a path', 'https://app.example.com/app'],
    ['a query', 'https://app.example.com/?x=1'],
    ['credentials', 'https://user:pw@app.example.com'],
    ['another scheme', 'ftp://app.example.com'],
    ['an opaque origin', 'null'],
    ['a bare host', 'app.example.com'],
    ['nothing', ''],
  ])('refuses %s', (_what, text) => {
    expect(originOf(text)).toBeNull();
  });
});
