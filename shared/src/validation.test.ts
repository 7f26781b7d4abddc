import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SessionClockBody } from './api.ts';
import { ClientMessage } from './protocol.ts';
import { describeIssues, validationIssues } from './validation.ts';

const issuesOf = (schema: z.ZodType, value: unknown, root = '(body)') => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a failure');
  return validationIssues(parsed.error, root);
};

describe('validation issues', () => {
  it('reports each problem of a plain object with its path', () => {
    const schema = z.object({ name: z.string(), age: z.number().int().min(0) });
    expect(issuesOf(schema, { name: 3, age: -1 })).toEqual([
      { path: 'name', message: 'Invalid input: expected string, received number' },
      { path: 'age', message: 'Too small: expected number to be >=0' },
    ]);
  });

  it('names the whole input by the root label', () => {
    expect(issuesOf(z.object({}), 'text', 'location')).toEqual([{ path: 'location', message: 'Invalid input: expected object, received string' }]);
  });

  describe('in a union (the session clock: {at, speed} or {reset: true})', () => {
    it('reports the problem of the branch the sender meant, not "Invalid input"', () => {
      expect(issuesOf(SessionClockBody, { at: 'yesterday' })).toEqual([{ path: 'at', message: 'Invalid ISO datetime' }]);
      expect(issuesOf(SessionClockBody, { at: '2026-11-24T18:00:00+01:00', speed: 'fast' })).toEqual([{ path: 'speed', message: 'Invalid input: expected number, received string' }]);
      expect(issuesOf(SessionClockBody, { at: '2026-11-24T18:00:00+01:00', speed: 5000 })).toEqual([{ path: 'speed', message: 'Too big: expected number to be <=3600' }]);
      expect(issuesOf(SessionClockBody, { speed: 2 })).toEqual([{ path: 'at', message: 'Invalid input: expected string, received undefined' }]);
      expect(issuesOf(SessionClockBody, { reset: false })).toEqual([{ path: 'reset', message: 'Invalid input: expected true' }]);
    });

    it('says what each branch needs when none came closer', () => {
      const [issue, ...rest] = issuesOf(SessionClockBody, {});
      expect(rest).toEqual([]);
      expect(issue).toEqual({
        path: '(body)',
        message: 'expected either (at: Invalid input: expected string, received undefined) or (reset: Invalid input: expected true)',
      });
    });

    it('says a problem every branch shares once', () => {
      expect(issuesOf(SessionClockBody, 'now')).toEqual([{ path: '(body)', message: 'Invalid input: expected object, received string' }]);
    });

    it('keeps the path of a union nested in an object', () => {
      const schema = z.object({ demo: z.object({ clock: SessionClockBody }) });
      expect(issuesOf(schema, { demo: { clock: { speed: 2 } } })).toEqual([{ path: 'demo.clock.at', message: 'Invalid input: expected string, received undefined' }]);
      expect(issuesOf(schema, { demo: { clock: {} } })).toEqual([
        { path: 'demo.clock', message: 'expected either (at: Invalid input: expected string, received undefined) or (reset: Invalid input: expected true)' },
      ]);
    });
  });

  it("keeps zod's own sentence for a discriminator that matches no branch", () => {
    expect(issuesOf(ClientMessage, { type: 'teleport' }, 'message')).toEqual([{ path: 'type', message: expect.stringMatching(/Invalid discriminator value/) }]);
  });

  it('says why a record key was refused', () => {
    const schema = z.record(z.string().regex(/^[a-z]+$/), z.number());
    expect(issuesOf(schema, { ABC: 1 })).toEqual([{ path: 'ABC', message: 'Invalid key in record: Invalid string: must match pattern /^[a-z]+$/' }]);
  });

  it('puts the issues in one line', () => {
    const parsed = SessionClockBody.safeParse({ at: 'yesterday', speed: 5000 });
    expect(parsed.success).toBe(false);
    expect(describeIssues(parsed.error!, '(body)')).toBe('at: Invalid ISO datetime; speed: Too big: expected number to be <=3600');
  });
});
