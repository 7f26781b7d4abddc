/**
 * The agency console's contract (issue 22): staff accounts of an agency (a tenant), their roles, their
 * sessions and passwords. Every staff route is scoped to the signed-in staff member's agency on the server
 * (server/src/agency/access.ts); nothing here carries an agency id the client could choose.
 */
import { z } from 'zod';
import { DEFAULT_WEIGHTS, SIGNAL_IDS, SignalId } from './signals.ts';
import { Suggestion } from './suggestion.ts';

/** viewer: reads the console; editor: also the catalogue; admin: also the staff and the agency's settings. */
export const STAFF_ROLES = ['viewer', 'editor', 'admin'] as const;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;
/** Whether `role` may do what needs `needed` (the roles are ordered: admin ⊃ editor ⊃ viewer). */
export const roleAllows = (role: StaffRole, needed: StaffRole): boolean => STAFF_ROLES.indexOf(role) >= STAFF_ROLES.indexOf(needed);

export const Email = z.string().trim().toLowerCase().pipe(z.email('expected an e-mail address').max(254));
/** ASVS V2.1: at least 12 characters, any characters, no composition rule; at most 256 (hashing cost bound). */
export const PASSWORD_MIN = 12;
export const Password = z.string().min(PASSWORD_MIN, `a password has at least ${PASSWORD_MIN} characters`).max(256);

export const StaffSignInBody = z.object({ email: Email, password: z.string().min(1).max(256) }).strict();
export type StaffSignInBody = z.infer<typeof StaffSignInBody>;

export const StaffMember = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: StaffRole,
  /** False until they set their password from the link they were given. */
  active: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type StaffMember = z.infer<typeof StaffMember>;

/** `GET /api/agency/session`: who is signed in to the console, and for which agency. */
export const StaffSessionInfo = z.object({
  staff: z.object({ id: z.string(), name: z.string(), email: z.string(), role: StaffRole }),
  agency: z.object({ id: z.string(), name: z.string() }),
});
export type StaffSessionInfo = z.infer<typeof StaffSessionInfo>;

/** The demo's staff accounts, listed on the console's sign-in page only while demo mode is on. */
export const DemoStaffList = z.object({ accounts: z.array(z.object({ email: z.string(), role: StaffRole, name: z.string() })), password: z.string() });
export type DemoStaffList = z.infer<typeof DemoStaffList>;

export const StaffList = z.object({ staff: z.array(StaffMember) });
export type StaffList = z.infer<typeof StaffList>;
export const StaffCreateBody = z.object({ name: z.string().trim().min(1).max(120), email: Email, role: StaffRole }).strict();
export type StaffCreateBody = z.infer<typeof StaffCreateBody>;
/**
 * A new staff member, and the one-time link on which they choose their password (shown once to the admin
 * who added them, to pass on; only its hash is kept).
 */
export const StaffCreated = z.object({ member: StaffMember, setPasswordUrl: z.string() });
export type StaffCreated = z.infer<typeof StaffCreated>;
export const StaffRoleBody = z.object({ role: StaffRole }).strict();
export type StaffRoleBody = z.infer<typeof StaffRoleBody>;

/** "Forgot my password": always answered the same way, whether the address has an account or not. */
export const PasswordResetRequest = z.object({ email: Email }).strict();
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;
/** The new password, with the link's token (in the body, never in a URL the server logs). */
export const PasswordResetBody = z.object({ token: z.string().min(20).max(100), password: Password }).strict();
export type PasswordResetBody = z.infer<typeof PasswordResetBody>;

/** The console's first screen: what the agency's catalogue holds (no personal data). */
export const AgencyOverview = z.object({
  agency: z.object({ id: z.string(), name: z.string() }),
  counts: z.object({ places: z.number().int(), events: z.number().int(), offers: z.number().int(), staff: z.number().int(), travellers: z.number().int() }),
});
export type AgencyOverview = z.infer<typeof AgencyOverview>;

/**
 * An invitation to join the agency's clientele: a one-time link the agency gives a client, on which they
 * make their traveller account. `note` is for the staff ("Marie Dupont, Lisbon in May"), never shown to
 * the traveller.
 */
export const Invitation = z.object({
  id: z.string(),
  note: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
  usedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Invitation = z.infer<typeof Invitation>;
export const InvitationList = z.object({ invitations: z.array(Invitation) });
export type InvitationList = z.infer<typeof InvitationList>;
export const InvitationCreateBody = z.object({ note: z.string().trim().max(120).default('') }).strict();
export type InvitationCreateBody = z.infer<typeof InvitationCreateBody>;
/** The link is shown once, to pass on; only its hash is kept. */
export const InvitationCreated = z.object({ invitation: Invitation, url: z.string() });
export type InvitationCreated = z.infer<typeof InvitationCreated>;

/** The token of an invitation link, as the sign-up page sends it (from after the `#`). */
export const InvitationToken = z.string().min(20).max(100);
/** `POST /api/signup/check`: whether the link still works, and whose it is. */
export const InvitationCheckBody = z.object({ token: InvitationToken }).strict();
export const InvitationCheck = z.object({ agency: z.string() });
export type InvitationCheck = z.infer<typeof InvitationCheck>;
/** `POST /api/signup`: a traveller account made from an invitation, signed in at once. */
export const TravellerSignUpBody = z.object({ token: InvitationToken, name: z.string().trim().min(1).max(80), email: Email, password: Password, locale: z.enum(['en', 'fr']) }).strict();
export type TravellerSignUpBody = z.infer<typeof TravellerSignUpBody>;
/** `POST /api/session`: a traveller signs in with their account. */
export const TravellerSignInBody = z.object({ email: Email, password: z.string().min(1).max(256) }).strict();
export type TravellerSignInBody = z.infer<typeof TravellerSignInBody>;

/**
 * How an agency tunes the ranking for its clientele (admin): each signal's weight within bounds around
 * the default (half to twice; the agency's own promotions from 0 to 1), and how far a promotion may lift
 * an idea: at most this share of the points the idea has without it. A promotion can therefore lift an
 * idea that already fits, and can never bring up one that does not (no points of its own: no lift).
 */
export const PROMOTION_LIFT_MAX = 0.3;
export const DEFAULT_PROMOTION_LIFT = 0.25;
export const WEIGHT_BOUNDS: Record<SignalId, { min: number; max: number }> = Object.fromEntries(
  SIGNAL_IDS.map((id) => [id, id === 'agency' ? { min: 0, max: 1 } : { min: DEFAULT_WEIGHTS[id] / 2, max: DEFAULT_WEIGHTS[id] * 2 }]),
) as Record<SignalId, { min: number; max: number }>;

export const AgencyRanking = z.object({
  weights: z.object(Object.fromEntries(SIGNAL_IDS.map((id) => [id, z.number().min(WEIGHT_BOUNDS[id].min).max(WEIGHT_BOUNDS[id].max)])) as Record<SignalId, z.ZodNumber>),
  promotionLift: z.number().min(0).max(PROMOTION_LIFT_MAX),
});
export type AgencyRanking = z.infer<typeof AgencyRanking>;
export const DEFAULT_AGENCY_RANKING: AgencyRanking = { weights: { ...DEFAULT_WEIGHTS }, promotionLift: DEFAULT_PROMOTION_LIFT };
/** `PUT /api/agency/ranking`: any weights (each within its bounds) and the lift, the rest unchanged. */
export const AgencyRankingPatch = z.object({ weights: AgencyRanking.shape.weights.partial().strict().optional(), promotionLift: AgencyRanking.shape.promotionLift.optional() }).strict();
export type AgencyRankingPatch = z.infer<typeof AgencyRankingPatch>;
export const AgencyRankingBody = z.object({
  settings: AgencyRanking,
  defaults: AgencyRanking,
  bounds: z.record(SignalId, z.object({ min: z.number(), max: z.number() })),
  promotionLiftMax: z.number(),
});
export type AgencyRankingBody = z.infer<typeof AgencyRankingBody>;

/**
 * `POST /api/agency/preview`: what a traveller would be suggested, and why, at a place and a time: one of
 * the demo personas (their stated profile, history and consents), or an anonymous traveller who shares
 * only where they are. Ranked with the agency's own settings. Never a real traveller's data.
 */
export const PreviewBody = z
  .object({
    persona: z.string().min(1).max(80).nullable(),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    at: z.iso.datetime({ offset: true }),
  })
  .strict();
export type PreviewBody = z.infer<typeof PreviewBody>;
export const PreviewResult = z.object({
  items: z.array(Suggestion),
  /** The personal data categories the previewed traveller allowed (an anonymous one: location only). */
  consents: z.object({ location: z.boolean(), history: z.boolean(), profile: z.boolean(), wallet: z.boolean() }),
  considered: z.number().int().min(0),
});
export type PreviewResult = z.infer<typeof PreviewResult>;
