/** Who is signed in, as the app is told: by GET /api/session and in the page's boot data (http/static-client.ts). */
import type { SessionInfo } from '@escale/shared';
import type { AppContext } from '../context.ts';
import type { Traveller } from '../travellers/model.ts';
import { findTraveller } from '../travellers/queries.ts';
import { sessionOfRequest } from './require-traveller.ts';

export async function sessionInfo(ctx: AppContext, t: Traveller): Promise<SessionInfo> {
  const saved = t.consents.location ? await ctx.db.selectFrom('positions').select(['lat', 'lon']).where('traveller_id', '=', t.id).executeTakeFirst() : undefined;
  const persona = t.personaId ? ctx.personas.get(t.personaId) : undefined;
  return {
    traveller: {
      id: t.id,
      name: t.name,
      cityId: t.cityId,
      locale: t.locale,
      startPosition: saved ?? persona?.startPosition ?? null,
      onboarded: t.onboardedAt != null,
      personaId: t.personaId,
    },
    consents: t.consents,
  };
}

/** The request's session as the app sees it, or null when nobody (or an ended session) is signed in. */
export async function sessionInfoOfRequest(ctx: AppContext, req: { headers: { cookie?: string | undefined } }): Promise<SessionInfo | null> {
  const session = await sessionOfRequest(ctx, req);
  const traveller = session ? await findTraveller(ctx.db, session.travellerId) : null;
  return traveller ? sessionInfo(ctx, traveller) : null;
}
