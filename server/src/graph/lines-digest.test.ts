import { describe, expect, it } from 'vitest';
import { LinesDigest } from './lines-digest.ts';

const digestOf = (lines: string[]) => {
  const d = new LinesDigest();
  for (const line of lines) d.add(line);
  return d.value();
};

describe('lines digest', () => {
  it('is the same whatever the order the lines came in, and after a line taken out and put back', () => {
    const lines = Array.from({ length: 500 }, (_v, i) => `traveller:t${i % 37} liked place:p${i} ${1_700_000_000_000 + i}`);
    const d = new LinesDigest();
    for (const line of [...lines].reverse()) d.add(line);
    d.remove(lines[42]!);
    d.add(lines[42]!);
    expect(d.value()).toBe(digestOf(lines));
    expect(d.value()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('tells apart a changed line, a missing line and a line held twice', () => {
    const lines = ['place:a {"name":"Café"}', 'place:b {"name":"Bar"}', 'traveller:lea liked place:a 1'];
    const base = digestOf(lines);
    expect(digestOf(['place:a {"name":"Cafe"}', ...lines.slice(1)])).not.toBe(base);
    expect(digestOf(lines.slice(1))).not.toBe(base);
    expect(digestOf([...lines, lines[0]!])).not.toBe(base);
    expect(digestOf(['traveller:lea liked place:a 2', ...lines.slice(0, 2)])).not.toBe(base);
  });

  it('takes an interaction by its parts, order-free, and tells a moved time apart', () => {
    const one = new LinesDigest();
    const two = new LinesDigest();
    one.interaction(1, 'lea', 'liked', 'p1', 1_764_000_000_000);
    one.interaction(1, 'tom', 'visited', 'p2', 1_764_000_000_001);
    two.interaction(1, 'tom', 'visited', 'p2', 1_764_000_000_001);
    two.interaction(1, 'lea', 'liked', 'p1', 1_764_000_000_000);
    expect(two.value()).toBe(one.value());
    two.interaction(-1, 'lea', 'liked', 'p1', 1_764_000_000_000);
    two.interaction(1, 'lea', 'liked', 'p1', 1_764_000_060_000);
    expect(two.value()).not.toBe(one.value());
    // The parts are kept apart: ("lea", "liked") is not ("lealiked", "").
    const glued = new LinesDigest();
    glued.interaction(1, 'lealiked', '', 'p1', 1_764_000_000_000);
    glued.interaction(1, 'tom', 'visited', 'p2', 1_764_000_000_001);
    expect(glued.value()).not.toBe(one.value());
  });
});
