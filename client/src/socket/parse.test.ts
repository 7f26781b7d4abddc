import { describe, expect, it } from 'vitest';
import { suggestionsMessage, welcomeMessage } from '../testing/fixtures.ts';
import { nextLastSeq, parseServerMessage } from './parse.ts';

const welcome = welcomeMessage({ seq: 4 });

describe('parseServerMessage', () => {
  it('accepts a suggestions push that matches the contract', () => {
    const result = parseServerMessage(JSON.stringify(suggestionsMessage()));
    expect(result.ok && result.message.type).toBe('suggestions');
  });
  it('rejects a frame that is not JSON', () => {
    expect(parseServerMessage('{oops')).toEqual({ ok: false, reason: 'not JSON' });
  });
  it('rejects a message of an unknown type', () => {
    expect(parseServerMessage(JSON.stringify({ type: 'party', seq: 1 })).ok).toBe(false);
  });
  it('names the field that breaks the contract', () => {
    const bad = suggestionsMessage();
    (bad.items[0] as { score: number }).score = -1;
    const result = parseServerMessage(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('items.0.score');
  });
  it('rejects binary frames', () => {
    expect(parseServerMessage(new ArrayBuffer(2)).ok).toBe(false);
  });
});

describe('nextLastSeq', () => {
  it('remembers the highest sequence number seen', () => {
    expect(nextLastSeq(null, welcome)).toBe(4);
    expect(nextLastSeq(4, suggestionsMessage({ seq: 7 }))).toBe(7);
    expect(nextLastSeq(7, suggestionsMessage({ seq: 5 }))).toBe(7);
  });
  it('ignores errors, which carry no sequence number', () => {
    expect(nextLastSeq(7, { type: 'error', code: 'internal', message: 'x' })).toBe(7);
  });
  it('starts over when the server welcomes with a lower number (its history was reset)', () => {
    expect(nextLastSeq(40, { ...welcome, seq: 2 })).toBe(2);
  });
  it('waits for the replayed messages before moving on, so a drop in mid-replay asks for them again', () => {
    expect(nextLastSeq(4, welcomeMessage({ seq: 9, replay: 'replayed' }))).toBe(4);
    expect(nextLastSeq(4, suggestionsMessage({ seq: 6 }))).toBe(6);
  });
  it("takes the server's number after a reset: what we had is beyond the replay window", () => {
    expect(nextLastSeq(4, welcomeMessage({ seq: 90, replay: 'reset' }))).toBe(90);
  });
  it('accepts a welcome that says how the missed messages are handled', () => {
    const result = parseServerMessage(JSON.stringify(welcomeMessage({ replay: 'reset' })));
    expect(result.ok && result.message.type === 'welcome' && result.message.replay).toBe('reset');
  });
});
