/**
 * What the traveller tells Escale about themselves: likes and dislikes, party, budget (the profile, read by
 * the `interests`, `party` and `budget` signals), and whether they answered or skipped the onboarding.
 * Nothing of it is kept without the profile consent: a write without it is refused (403) and stores
 * nothing, and the consent is read in the writing transaction, so a withdrawal in another tab cannot be
 * overtaken. Every write is a `traveller_changed` change: every instance reads the traveller again and the
 * open feeds are ranked again at once.
 */
import type { OnboardingBody, ProfileBody, ProfileEdit } from '@escale/shared';
import type { AppContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import type { Db } from '../store/db.ts';
import { storeKindOf } from '../store/dialect.ts';
import type { Traveller } from '../travellers/model.ts';
import type { ProfileChoiceIndex } from './profile-choices.ts';

const CONSENT_REQUIRED = 'Your profile is off: turn on "profile" in My data to tell Escale what you like. Nothing was stored.';

export function profileBody(choices: ProfileChoiceIndex, traveller: Traveller): ProfileBody {
  return {
    profile: traveller.consents.profile ? { likes: traveller.likes, dislikes: traveller.dislikes, party: traveller.party, budget: traveller.budget } : null,
    onboarded: traveller.onboardedAt != null,
    choices: choices.of(traveller.cityId),
  };
}

/** Replaces the profile; with `onboarded`, also records that the onboarding was answered. */
export async function saveProfile(ctx: Pick<AppContext, 'changes' | 'clock'>, travellerId: string, profile: ProfileEdit, opts: { onboarded: boolean }): Promise<void> {
  await ctx.changes.record(
    async (trx) => {
      if (!(await profileConsented(trx, travellerId))) throw new HttpError(403, 'consent_required', CONSENT_REQUIRED);
      await trx
        .updateTable('travellers')
        .set({
          likes: JSON.stringify(profile.likes),
          dislikes: JSON.stringify(profile.dislikes),
          party: JSON.stringify(profile.party),
          budget: profile.budget,
          ...(opts.onboarded ? { onboarded_at: ctx.clock.now().toISOString() } : {}),
        })
        .where('id', '=', travellerId)
        .execute();
    },
    () => [{ type: 'traveller_changed', travellerId }],
  );
}

/** The onboarding's end: the answers kept (as `saveProfile`), or only the fact that it was skipped. */
export async function finishOnboarding(ctx: Pick<AppContext, 'changes' | 'clock'>, travellerId: string, body: OnboardingBody): Promise<void> {
  if (body.outcome === 'answered') return saveProfile(ctx, travellerId, body.profile, { onboarded: true });
  await ctx.changes.record(
    (trx) => trx.updateTable('travellers').set({ onboarded_at: ctx.clock.now().toISOString() }).where('id', '=', travellerId).execute(),
    () => [{ type: 'traveller_changed', travellerId }],
  );
}

/**
 * On PostgreSQL the consent's row is locked until the write commits: a withdrawal in flight either commits
 * first (and this reads it) or waits for this write and then deletes what it wrote. SQLite runs one write
 * transaction at a time already.
 */
export async function profileConsented(trx: Db, travellerId: string): Promise<boolean> {
  const query = trx.selectFrom('consents').select('granted').where('traveller_id', '=', travellerId).where('category', '=', 'profile');
  const row = await (storeKindOf(trx) === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
  return row?.granted === 1;
}
