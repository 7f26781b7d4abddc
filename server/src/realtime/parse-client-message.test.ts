import { describe, expect, it } from 'vitest';
import { parseClientMessage } from './parse-client-message.ts';

describe('client message parsing', () => {
  it('accepts a valid location', () => {
    expect(parseClientMessage('{"type":"location","lat":48.86,"lon":2.35}')).toEqual({ ok: true, message: { type: 'location', lat: 48.86, lon: 2.35 } });
  });
  it.each([
    ['not json', '{type:', 'bad_json'],
    ['an array', '[1,2]', 'unknown_type'],
    ['an unknown type', '{"type":"teleport"}', 'unknown_type'],
    ['a latitude out of range', '{"type":"location","lat":91,"lon":2}', 'bad_message'],
    ['a longitude that is a string', '{"type":"location","lat":48,"lon":"2"}', 'bad_message'],
    ['a feedback of an unknown kind', '{"type":"feedback","placeId":"osm:node/1","kind":"love"}', 'bad_message'],
  ])('refuses %s with a code and a sentence', (_what, raw, code) => {
    const parsed = parseClientMessage(raw);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok === false && parsed.code).toBe(code);
    expect(parsed.ok === false && parsed.message.length).toBeGreaterThan(10);
  });
});
