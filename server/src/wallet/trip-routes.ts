/**
 * Trips over HTTP: renaming one, turning its calendar feed on (a new URL, the old one revoked) or off, and
 * the feed itself, which calendar apps fetch without a session: the token in its URL is the only key.
 */
import { Router } from 'express';
import { TripRename, type CalendarFeedCreated, type Trip } from '@escale/shared';
import { currentTraveller, requireTraveller } from '../auth/require-traveller.ts';
import type { AppContext } from '../context.ts';
import { HttpError, idParam, parseBody } from '../http/errors.ts';
import { requestOrigin } from '../http/trusted-proxy.ts';
import { findTraveller } from '../travellers/queries.ts';
import { requireWalletConsent } from './access.ts';
import { CALENDAR_PATH, createCalendarFeed, revokeCalendarFeed, tripOfToken } from './calendar-feed.ts';
import { tripCalendar } from './trip-calendar.ts';
import { findTrip, renameTrip, tripForCalendar } from './trip-store.ts';
import { recordWalletWrite } from './wallet-write.ts';

const NO_TRIP = 'No such trip in your wallet.';
const NO_FEED = 'No such calendar feed: it was turned off or replaced by a newer link, or the wallet is off.';

export function tripRoutes(ctx: AppContext): Router {
  const router = Router();

  /** The signed-in traveller's trip named by the path, or 404 (another traveller's trip is no different from none). */
  const ownTrip = async (req: Parameters<typeof idParam>[0], travellerId: string): Promise<Trip> => {
    const trip = await findTrip(ctx.db, travellerId, idParam(req, NO_TRIP));
    if (!trip) throw new HttpError(404, 'not_found', NO_TRIP);
    return trip;
  };

  router.put('/wallet/trips/:id', requireTraveller(ctx), async (req, res) => {
    const traveller = currentTraveller(res);
    const { name } = parseBody(TripRename, req.body);
    requireWalletConsent(traveller);
    const trip = await ownTrip(req, traveller.id);
    // A wallet write like any other: every instance's readers of the wallet hear of it.
    await recordWalletWrite(ctx.changes, traveller.id, ctx.clock.now(), (trx) => renameTrip(trx, traveller.id, trip.id, name));
    res.json({ ...trip, name, renamed: true } satisfies Trip);
  });

  router.post('/wallet/trips/:id/calendar', requireTraveller(ctx), async (req, res) => {
    const traveller = currentTraveller(res);
    requireWalletConsent(traveller);
    const trip = await ownTrip(req, traveller.id);
    // No PUBLIC_URL setting: the feed is on the origin the traveller reached us by (the scheme as a trusted
    // proxy says, http/trusted-proxy.ts, and the Host header), which is the one their calendar app can reach.
    const origin = requestOrigin(req);
    if (!origin) throw new HttpError(400, 'bad_request', 'The request has no Host header to make the feed URL with.');
    const token = await ctx.db.transaction().execute((trx) => createCalendarFeed(trx, traveller.id, trip.id, ctx.clock.now()));
    res.status(201).json({ url: `${origin}/api${CALENDAR_PATH.replace(':token', token)}` } satisfies CalendarFeedCreated);
  });

  // No consent needed to stop a feed: it takes nothing in.
  router.delete('/wallet/trips/:id/calendar', requireTraveller(ctx), async (req, res) => {
    const traveller = currentTraveller(res);
    const trip = await ownTrip(req, traveller.id);
    await revokeCalendarFeed(ctx.db, traveller.id, trip.id, ctx.clock.now());
    res.status(204).end();
  });

  router.get(CALENDAR_PATH, async (req, res) => {
    const feed = await tripOfToken(ctx.db, String(req.params.token));
    // The wallet consent off: the feed stops serving (404) until it is on again; its token stays valid.
    const traveller = feed ? await findTraveller(ctx.db, feed.travellerId) : null;
    const trip = feed && traveller?.consents.wallet ? await tripForCalendar(ctx.db, feed.travellerId, feed.tripId) : null;
    if (!trip) throw new HttpError(404, 'not_found', NO_FEED);
    // Private: the URL is a secret, no shared cache keeps it. Express adds the ETag and answers 304 to a match.
    res.setHeader('Cache-Control', 'private, no-cache');
    res.type('text/calendar; charset=utf-8').send(tripCalendar(trip.name, trip.bookings));
  });

  return router;
}
