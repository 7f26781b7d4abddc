/**
 * The console's preview: the feed a traveller would get at a place and a time, with every explanation, as
 * the ranker makes it for the staff member's agency (its weights and promotion lift). The traveller is one
 * of the demo personas (their stated profile, consents and history, which are the demo's, not a person's)
 * or an anonymous one who shares only where they are. No real traveller is ever read.
 */
import { EMPTY_PROFILE, NO_CONSENTS, type PreviewBody, type PreviewResult } from '@escale/shared';
import type { AppContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import type { Traveller } from '../travellers/model.ts';

/** How far from the server's clock a preview may be set (the catalogue holds events a few weeks ahead). */
const MAX_SKEW_MS = 366 * 86_400_000;
export const PREVIEW_ITEMS = 10;

export function preview(ctx: Pick<AppContext, 'personas' | 'recommender' | 'clock' | 'cities'>, agencyId: string, body: PreviewBody): PreviewResult {
  const at = new Date(body.at);
  if (Math.abs(at.getTime() - ctx.clock.now().getTime()) > MAX_SKEW_MS) throw new HttpError(400, 'bad_request', 'A preview is for a time within a year of today.');
  // The preview is of the city the chosen point is in, whoever the persona is and wherever they usually are.
  const cityId = (ctx.cities.near(body.lat, body.lon) ?? ctx.cities.default).id;
  const traveller = body.persona === null ? anonymous(agencyId, cityId) : { ...personaTraveller(ctx, agencyId, body.persona), cityId };
  const position = traveller.consents.location ? { lat: body.lat, lon: body.lon, at } : null;
  const result = ctx.recommender.suggest({ traveller, now: at, position, limit: PREVIEW_ITEMS });
  return { items: result.items, consents: traveller.consents, considered: result.considered };
}

function anonymous(agencyId: string, cityId: string): Traveller {
  return {
    id: 'preview:anonymous',
    agencyId,
    name: 'Anonymous traveller',
    locale: 'en',
    cityId,
    personaId: null,
    ...EMPTY_PROFILE,
    consents: { ...NO_CONSENTS, location: true },
  };
}

function personaTraveller(ctx: Pick<AppContext, 'personas'>, agencyId: string, personaId: string): Traveller {
  const persona = ctx.personas.get(personaId);
  if (!persona) throw new HttpError(404, 'not_found', `There is no persona "${personaId}".`);
  const profile = persona.consents.profile ? { likes: persona.likes, dislikes: persona.dislikes, party: persona.party, budget: persona.budget } : EMPTY_PROFILE;
  // The persona's own node in the graph carries its seeded history: the taste walk reads it by this id.
  return { id: persona.id, agencyId, name: persona.name, locale: persona.locale, cityId: persona.cityId, personaId: persona.id, ...profile, consents: persona.consents };
}
