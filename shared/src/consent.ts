/**
 * Consent categories: each personal signal reads data of exactly one category, and a category that is off
 * means its data is neither collected nor read (see docs/RANKING.md, "privacy by construction").
 */
import { z } from 'zod';

export const CONSENT_CATEGORIES = ['location', 'history', 'profile', 'wallet'] as const;
export const ConsentCategory = z.enum(CONSENT_CATEGORIES);
export type ConsentCategory = z.infer<typeof ConsentCategory>;

export const Consents = z.object({
  location: z.boolean(),
  history: z.boolean(),
  profile: z.boolean(),
  wallet: z.boolean(),
});
export type Consents = z.infer<typeof Consents>;

/** What a brand-new traveller has: nothing personal until they say yes. */
export const NO_CONSENTS: Consents = { location: false, history: false, profile: false, wallet: false };

/** Switching one consent on or off (`PUT /api/consents/{category}`). */
export const ConsentChange = z.object({ granted: z.boolean() }).strict();
export type ConsentChange = z.infer<typeof ConsentChange>;

/** One change of a consent, as kept. */
export const ConsentEvent = z.object({ category: ConsentCategory, granted: z.boolean(), at: z.iso.datetime() });
export type ConsentEvent = z.infer<typeof ConsentEvent>;

/** The traveller's consents now, and every change, latest first. */
export const ConsentsBody = z.object({ consents: Consents, history: z.array(ConsentEvent) });
export type ConsentsBody = z.infer<typeof ConsentsBody>;
