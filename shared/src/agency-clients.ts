/**
 * The console's view of the agency's clients (issue 22): each client's name, whether their profile consent
 * is on (notes need it) and what their advisors noted, and nothing else. Never their position, history,
 * bookings or wallet: the schemas are strict, so a field added by mistake fails the server's own check.
 */
import { z } from 'zod';
import { ADVISOR_NOTE_LIMITS, AdvisorNote } from './advisor-notes.ts';
import { ProfileChoices } from './privacy.ts';

export const AgencyClient = z
  .object({
    id: z.string(),
    name: z.string(),
    /** Notes are taken only while this is on; withdrawing it deletes them. */
    profileConsent: z.boolean(),
    /** Newest change first. */
    notes: z.array(AdvisorNote),
  })
  .strict();
export type AgencyClient = z.infer<typeof AgencyClient>;

/** `GET /api/agency/clients`: a name filter (accents and case ignored), or every client. */
export const AgencyClientQuery = z.object({ q: z.string().trim().max(80).optional() }).strict();
export type AgencyClientQuery = z.infer<typeof AgencyClientQuery>;

export const AgencyClientList = z
  .object({
    /** By name, at most `limits.clientsPerPage`. */
    clients: z.array(AgencyClient),
    /** How many clients match, when more than are listed. */
    total: z.number().int().min(0),
    /** What the form offers to pick (the categories, cuisines and music of the clients' cities). */
    choices: ProfileChoices,
    limits: z.object({ perTraveller: z.number().int(), saidMaxChars: z.number().int(), clientsPerPage: z.number().int() }),
  })
  .strict();
export type AgencyClientList = z.infer<typeof AgencyClientList>;

export const CLIENT_LIST_LIMITS: AgencyClientList['limits'] = {
  perTraveller: ADVISOR_NOTE_LIMITS.perTraveller,
  saidMaxChars: ADVISOR_NOTE_LIMITS.saidMaxChars,
  clientsPerPage: ADVISOR_NOTE_LIMITS.clientsPerPage,
};
