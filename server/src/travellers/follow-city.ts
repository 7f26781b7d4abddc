/**
 * The city follows the traveller: a position in another city moves them there (its time zone for meal
 * windows and quiet hours, its map, its catalogue for the profile's choices). Only a position does it, so
 * with location consent off nothing is derived from where they are.
 */
import type { AppContext } from '../context.ts';
import type { Traveller } from './model.ts';

/** The traveller as they are after this position: moved to the city it falls in, or unchanged. */
export async function followToCity(ctx: Pick<AppContext, 'cities' | 'changes'>, traveller: Traveller, lat: number, lon: number): Promise<Traveller> {
  const here = ctx.cities.near(lat, lon);
  if (!here || here.id === traveller.cityId) return traveller;
  // Every instance's push cache reads the traveller again (the city's zone is read from it).
  await ctx.changes.record(
    (trx) => trx.updateTable('travellers').set({ city_id: here.id }).where('id', '=', traveller.id).execute(),
    () => [{ type: 'traveller_changed', travellerId: traveller.id }],
  );
  return { ...traveller, cityId: here.id };
}
