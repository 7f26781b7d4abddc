import { describe, expect, it } from 'vitest';
import { originAllowed } from './upgrade.ts';

const own = 'http://127.0.0.1:8080';

describe('the Origin check of the WebSocket upgrade', () => {
  it("accepts the server's own origin and a client that sends none", () => {
    expect(originAllowed('http://127.0.0.1:8080', own, [])).toBe(true);
    expect(originAllowed(undefined, own, [])).toBe(true);
  });

  it.each([
    ['another host', 'http://evil.example'],
    ['another scheme', 'https://127.0.0.1:8080'],
    ['another port', 'http://127.0.0.1:9090'],
    ['an opaque origin', 'null'],
  ])('refuses %s when no origins are configured', (_what, origin) => {
    expect(originAllowed(origin, own, [])).toBe(false);
  });

  it('with a configured list, accepts exactly its origins, written in any normal form', () => {
    const allowed = ['https://app.example.com'];
    expect(originAllowed('https://app.example.com', own, allowed)).toBe(true);
    expect(originAllowed('https://APP.example.com:443', own, allowed)).toBe(true);
    expect(originAllowed('http://app.example.com', own, allowed)).toBe(false);
    expect(originAllowed('https://app.example.com:8443', own, allowed)).toBe(false);
    expect(originAllowed(own, own, allowed)).toBe(false);
  });

  it('refuses everything but a missing Origin when the Host header was unusable', () => {
    expect(originAllowed('http://127.0.0.1:8080', null, [])).toBe(false);
  });
});
