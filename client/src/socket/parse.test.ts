import { describe, expect, it } from 'vitest';
import { suggestionsMessage } from '../testing/fixtures.ts';
import { nextLastSeq, parseServerMessage } from './parse.ts';

const welcome = { type: 'welcome', seq: 4, protocol: 1, traveller: { id: 't1', name: 'Léa' }, now: '2026-11-23T14:00:00+01:00' } as const;

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
});
