import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { CENSORED, censorUrl, createLogger, withRedaction } from './logger.ts';

const TOKEN = 'Zk3nT0kenValue_abcdefghijklmnopqrstuvwxyz012';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

/** What pino-http logs for a signed-in request and a sign-in response, plus config a call site might log. */
function logSecrets(logger: ReturnType<typeof createLogger>) {
  logger.info(
    {
      req: { method: 'GET', url: '/api/session', headers: { cookie: `escale_session=${TOKEN}`, authorization: `Bearer ${TOKEN}`, accept: 'application/json' } },
      res: { statusCode: 201, headers: { 'set-cookie': [`escale_session=${TOKEN}; Path=/; HttpOnly`], 'content-type': 'application/json' } },
    },
    'request completed',
  );
  logger.info({ config: { port: 8080, mapboxToken: 'pk.mapbox-secret' }, MAPBOX_TOKEN: 'pk.mapbox-secret' }, 'configuration');
  logger.child({ req: { headers: { 'proxy-authorization': `Basic ${TOKEN}` } } }).warn('from a request logger');
}

describe('the logger', () => {
  it('censors cookies, Authorization and the Mapbox token, and keeps the rest of each line', () => {
    const { lines, destination } = capture();
    logSecrets(createLogger({ level: 'info' }, destination));
    expect(lines).toHaveLength(3);
    const text = lines.join('');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('pk.mapbox-secret');
    const [request, config, child] = lines.map((l) => JSON.parse(l));
    expect(request.req).toMatchObject({ url: '/api/session', headers: { cookie: CENSORED, authorization: CENSORED, accept: 'application/json' } });
    expect(request.res.headers).toEqual({ 'set-cookie': CENSORED, 'content-type': 'application/json' });
    expect(config).toMatchObject({ config: { port: 8080, mapboxToken: CENSORED }, MAPBOX_TOKEN: CENSORED });
    expect(child.req.headers['proxy-authorization']).toBe(CENSORED);
  });

  it('censors the same secrets through a logger built elsewhere, once wrapped', () => {
    const plain = capture();
    logSecrets(pino({ level: 'info' }, plain.destination));
    expect(plain.lines.join('')).toContain(TOKEN); // the wrapping is what censors

    const wrapped = capture();
    logSecrets(withRedaction(pino({ level: 'info' }, wrapped.destination)));
    expect(wrapped.lines).toHaveLength(3);
    expect(wrapped.lines.join('')).not.toContain(TOKEN);
    expect(wrapped.lines.join('')).not.toContain('pk.mapbox-secret');
  });

  it('censors a calendar feed’s token in a logged URL, and leaves other URLs as they are', () => {
    expect(censorUrl(`/api/calendar/${TOKEN}.ics`)).toBe(`/api/calendar/${CENSORED}`);
    expect(censorUrl(`/api/calendar/${TOKEN}.ics?x=1`)).toBe(`/api/calendar/${CENSORED}?x=1`);
    expect(censorUrl('/api/wallet/trips/abc/calendar')).toBe('/api/wallet/trips/abc/calendar');
  });
});
