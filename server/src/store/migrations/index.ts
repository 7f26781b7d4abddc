/**
 * Every migration, keyed by its file name (a timestamp, so kysely orders them correctly). Listed here rather
 * than discovered at run time so the bundled server carries them; a unit test checks this list against the
 * folder, so a new migration file cannot be forgotten.
 */
import type { Migration } from 'kysely';
import * as initial from './2026-11-23T20-00-initial.ts';
import * as pushPolicy from './2026-11-23T23-00-push-policy.ts';
import * as privateDemoVisitors from './2026-12-03T08-00-private-demo-visitors.ts';
import * as messageCounter from './2026-12-04T08-00-message-counter.ts';
import * as changeLog from './2026-12-04T09-00-change-log.ts';
import * as bookingDetails from './2026-12-04T12-00-booking-details.ts';
import * as offerBookings from './2026-12-04T14-00-offer-bookings.ts';
import * as trips from './2026-12-05T08-00-trips.ts';
import * as walletInbox from './2026-12-05T09-00-wallet-inbox.ts';
import * as consentHistory from './2026-12-05T10-00-consent-history.ts';
import * as personalControl from './2026-12-05T11-00-personal-control.ts';
import * as profileUnderConsent from './2026-12-06T08-00-profile-under-consent.ts';
import * as staffAccounts from './2026-12-06T09-00-staff-accounts.ts';
import * as travellerAccounts from './2026-12-06T10-00-traveller-accounts.ts';
import * as agencyRanking from './2026-12-06T11-00-agency-ranking.ts';
import * as accountPasswordLinks from './2026-12-06T12-00-account-password-links.ts';
import * as catalogueEditing from './2026-12-07T08-00-catalogue-editing.ts';
import * as eventsOffersPromotions from './2026-12-08T08-00-events-offers-promotions.ts';
import * as advisorNotes from './2026-12-08T09-00-advisor-notes.ts';
import * as insights from './2026-12-08T10-00-insights.ts';
import * as historyUnderConsent from './2026-12-09T08-00-history-under-consent.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-23T20-00-initial': initial,
  '2026-11-23T23-00-push-policy': pushPolicy,
  '2026-12-03T08-00-private-demo-visitors': privateDemoVisitors,
  '2026-12-04T08-00-message-counter': messageCounter,
  '2026-12-04T09-00-change-log': changeLog,
  '2026-12-04T12-00-booking-details': bookingDetails,
  '2026-12-04T14-00-offer-bookings': offerBookings,
  '2026-12-05T08-00-trips': trips,
  '2026-12-05T09-00-wallet-inbox': walletInbox,
  '2026-12-05T10-00-consent-history': consentHistory,
  '2026-12-05T11-00-personal-control': personalControl,
  '2026-12-06T08-00-profile-under-consent': profileUnderConsent,
  '2026-12-06T09-00-staff-accounts': staffAccounts,
  '2026-12-06T10-00-traveller-accounts': travellerAccounts,
  '2026-12-06T11-00-agency-ranking': agencyRanking,
  '2026-12-06T12-00-account-password-links': accountPasswordLinks,
  '2026-12-07T08-00-catalogue-editing': catalogueEditing,
  '2026-12-08T08-00-events-offers-promotions': eventsOffersPromotions,
  '2026-12-08T09-00-advisor-notes': advisorNotes,
  '2026-12-08T10-00-insights': insights,
  '2026-12-09T08-00-history-under-consent': historyUnderConsent,
};
