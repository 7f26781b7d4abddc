import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_WS_BUFFERED_BYTES } from '@escale/shared';
import { ConfigError, loadConfig } from './config.ts';

/** The message of the ConfigError `env` is refused with. */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  return expect.unreachable(`${JSON.stringify(env)} was accepted`);
}

describe('configuration', () => {
  it('applies the documented defaults to an empty environment', () => {
    const { config, warnings } = loadConfig({});
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', dataDir: path.resolve('.data'), demoMode: true, allowedOrigins: [], mapStyleUrl: null });
    expect(config.realtime).toEqual({
      heartbeatMs: 25_000,
      ratePerSecond: 10,
      rateBurst: 30,
      maxBufferedBytes: 1_048_576,
      helloTimeoutMs: 10_000,
      maxSocketsPerSession: 8,
      replayMaxMessages: 200,
      pushTickMs: 30_000,
    });
    expect(config.sessionTtlMs).toBe(720 * 3600_000);
    expect(config.demo).toEqual({ sessionTtlMs: 24 * 3600_000, signinsPerHour: 60, maxVisitors: 5_000 });
    expect(warnings).toEqual([]);
  });

  it('leaves the SMTP listener off unless SMTP_PORT is set, and STARTTLS off unless both its files are named', () => {
    expect(loadConfig({}).config.smtp).toEqual({ port: null, host: '127.0.0.1', domain: 'in.escale.localhost', perAddressPerHour: 20, perClientPerHour: 100, tls: null });
    expect(loadConfig({ SMTP_PORT: '2525', SMTP_DOMAIN: 'In.Escale.Example' }).config.smtp).toMatchObject({ port: 2525, domain: 'in.escale.example' });
    expect(loadConfig({ SMTP_TLS_CERT_FILE: 'c.pem', SMTP_TLS_KEY_FILE: 'k.pem' }).config.smtp.tls).toEqual({ certFile: path.resolve('c.pem'), keyFile: path.resolve('k.pem') });
    expect(refusal({ SMTP_TLS_CERT_FILE: 'c.pem' })).toMatch(/SMTP_TLS_KEY_FILE: is missing/);
    expect(refusal({ SMTP_DOMAIN: 'localhost' })).toMatch(/SMTP_DOMAIN: expected a domain name/);
  });

  it('takes PORT=0 to mean a free port, and a plain decimal port as written', () => {
    expect(loadConfig({ PORT: '0' }).config.port).toBe(0);
    expect(loadConfig({ PORT: '19001' }).config.port).toBe(19_001);
  });

  it('refuses an empty PORT instead of reading it as 0', () => {
    expect(refusal({ PORT: '' })).toMatch(/PORT: is empty; expected a whole number from 0 to 65535/);
  });

  it.each(['0x4A9E', '1e3', '80.5', '-1', ' 8080', '65536', 'eighty'])('refuses PORT=%j', (value) => {
    expect(refusal({ PORT: value })).toMatch(/^ {2}PORT: /m);
  });

  it('holds every numeric variable to the same rule, naming each one', () => {
    const message = refusal({ WS_HEARTBEAT_MS: '1e4', WS_RATE_BURST: '', PUSH_TICK_MS: '0x100', SESSION_TTL_HOURS: '0', WS_MAX_BUFFERED_BYTES: '1e6' });
    for (const name of ['WS_HEARTBEAT_MS', 'WS_RATE_BURST', 'PUSH_TICK_MS', 'SESSION_TTL_HOURS', 'WS_MAX_BUFFERED_BYTES']) {
      expect(message).toMatch(new RegExp(`^ {2}${name}: `, 'm'));
    }
  });

  it('accepts a fractional message rate written in decimals, and nothing else', () => {
    expect(loadConfig({ WS_RATE_PER_SECOND: '2.5' }).config.realtime.ratePerSecond).toBe(2.5);
    expect(refusal({ WS_RATE_PER_SECOND: '.5' })).toMatch(/WS_RATE_PER_SECOND: expected a number from 0.1 to 10000/);
    expect(refusal({ WS_RATE_PER_SECOND: '0' })).toMatch(/WS_RATE_PER_SECOND/);
  });

  it('refuses a slow-consumer bound below the size of a few pushes', () => {
    expect(loadConfig({ WS_MAX_BUFFERED_BYTES: String(MIN_WS_BUFFERED_BYTES) }).config.realtime.maxBufferedBytes).toBe(65_536);
    expect(refusal({ WS_MAX_BUFFERED_BYTES: '8192' })).toMatch(/WS_MAX_BUFFERED_BYTES: expected a whole number from 65536/);
  });

  it('keeps origins written as a browser sends them, forgiving a trailing slash', () => {
    const { config } = loadConfig({ ALLOWED_ORIGINS: 'https://escale.example.com/, http://localhost:5173' });
    expect(config.allowedOrigins).toEqual(['https://escale.example.com', 'http://localhost:5173']);
  });

  it.each([
    ['*', /"\*" is a wildcard/],
    ['https://*.example.com', /wildcard/],
    ['escale.example.com', /is not an origin/],
    ['ftp://files.example.com', /not an http or https origin/],
    ['https://escale.example.com/app', /a browser would send "https:\/\/escale.example.com"/],
    ['https://escale.example.com:443', /a browser would send "https:\/\/escale.example.com"/],
    ['https://Escale.example.com', /a browser would send "https:\/\/escale.example.com"/],
  ])('refuses ALLOWED_ORIGINS=%j, asking for explicit origins', (value, reason) => {
    const message = refusal({ ALLOWED_ORIGINS: value });
    expect(message).toMatch(/ALLOWED_ORIGINS: /);
    expect(message).toMatch(reason);
    expect(message).toMatch(/list each allowed origin explicitly/);
  });

  it('takes an http(s) map style and refuses any other scheme', () => {
    expect(loadConfig({ MAP_STYLE_URL: 'https://tiles.example.com/style.json' }).config.mapStyleUrl).toBe('https://tiles.example.com/style.json');
    for (const url of ['javascript:alert(1)//', 'data:application/json,{}', 'file:///etc/passwd']) {
      expect(refusal({ MAP_STYLE_URL: url })).toMatch(/MAP_STYLE_URL: expected an http:\/\/ or https:\/\/ URL/);
    }
  });

  it('returns a warning for a misspelt or unknown variable instead of ignoring it silently', () => {
    const { warnings } = loadConfig({ ALLOWED_ORIGIN: 'https://escale.example.com', ESCALE_DEBUG: '1', HOME: '/root' });
    expect(warnings).toEqual([
      'ALLOWED_ORIGIN is not a setting of Escale and is ignored; did you mean ALLOWED_ORIGINS?',
      'ESCALE_DEBUG is not a setting of Escale and is ignored (see the Configuration table of the README).',
    ]);
  });
});
