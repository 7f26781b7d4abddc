/**
 * What may be liked or disliked (a known category, or a tag as the catalogue writes them), and the one rule
 * for a list of stances: each interest once, never both liked and disliked. The traveller's profile and an
 * advisor's note are checked by the same rule.
 */
import { z } from 'zod';
import type { InterestRef } from './catalogue.ts';
import { CategoryId, Tag } from './categories.ts';

/** A category of the catalogue, or a tag as the catalogue writes them: what a traveller may like or dislike. */
export const KnownInterest = z.discriminatedUnion('kind', [z.object({ kind: z.literal('category'), id: CategoryId }).strict(), z.object({ kind: z.literal('tag'), id: Tag }).strict()]);

export const interestKey = (i: InterestRef): string => `${i.kind}:${i.id}`;

interface IssueSink {
  addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void;
}

/** Adds an issue for an interest listed twice, or both liked and disliked (for a `superRefine`). */
export function checkStances(p: { likes: readonly InterestRef[]; dislikes: readonly InterestRef[] }, issues: IssueSink): void {
  const liked = new Set<string>();
  p.likes.forEach((i, n) => {
    if (liked.has(interestKey(i))) issues.addIssue({ code: 'custom', path: ['likes', n], message: `${i.kind} ${JSON.stringify(i.id)} is listed twice` });
    liked.add(interestKey(i));
  });
  const disliked = new Set<string>();
  p.dislikes.forEach((i, n) => {
    if (liked.has(interestKey(i))) issues.addIssue({ code: 'custom', path: ['dislikes', n], message: `${i.kind} ${JSON.stringify(i.id)} cannot be both liked and disliked` });
    else if (disliked.has(interestKey(i))) issues.addIssue({ code: 'custom', path: ['dislikes', n], message: `${i.kind} ${JSON.stringify(i.id)} is listed twice` });
    disliked.add(interestKey(i));
  });
}
