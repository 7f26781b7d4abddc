/**
 * The traveller's consents over HTTP: read them with their history, and switch one on or off. Switching
 * off takes effect on the next message on every instance (travellers/consents.ts) and the signals of that
 * category stop being computed (docs/RANKING.md, "privacy by construction").
 */
import { Router } from 'express';
import { ConsentCategory, ConsentChange, type ConsentsBody, FewerLikeBody, FewerLikeInterest, HeldInteraction, OnboardingBody, ProfileEdit, RankingSettingsPatch } from '@escale/shared';
import { currentTraveller, requireTraveller } from '../auth/require-traveller.ts';
import type { AppContext } from '../context.ts';
import { HttpError, parseBody } from '../http/errors.ts';
import { consentHistory, consentsOf, setConsent } from '../travellers/consents.ts';
import { eraseTraveller } from '../travellers/erase.ts';
import { clearedSessionCookie } from '../auth/sessions.ts';
import { addFewerLike, FEWER_LIKE_MAX, fewerLikeList, removeFewerLike } from './fewer-like.ts';
import { exportFileName, myData, takeBackInteraction } from './my-data.ts';
import { finishOnboarding, profileBody, saveProfile } from './profile.ts';
import { ProfileChoiceIndex } from './profile-choices.ts';
import { rankingSettingsOf } from './queries.ts';
import { findTraveller } from '../travellers/queries.ts';
import { rankingExplained } from './ranking-explained.ts';
import { rankingSettingsBody, updateRankingSettings } from './ranking-settings.ts';

export function privacyRoutes(ctx: AppContext): Router {
  const router = Router();
  const body = async (travellerId: string): Promise<ConsentsBody> => ({ consents: await consentsOf(ctx.db, travellerId), history: await consentHistory(ctx.db, travellerId) });
  const choices = new ProfileChoiceIndex(ctx.graph);
  // The profile as just written (the request's traveller was read before the write).
  const profileNow = async (travellerId: string) => profileBody(choices, (await findTraveller(ctx.db, travellerId))!);

  router.get('/consents', requireTraveller(ctx), async (_req, res) => {
    res.json(await body(currentTraveller(res).id));
  });

  router.put('/consents/:category', requireTraveller(ctx), async (req, res) => {
    const category = ConsentCategory.safeParse(req.params.category);
    if (!category.success) throw new HttpError(404, 'not_found', `No consent category ${JSON.stringify(req.params.category)}: they are location, history, profile and wallet.`);
    const { granted } = parseBody(ConsentChange, req.body);
    const traveller = currentTraveller(res);
    await setConsent(ctx, traveller.id, category.data, granted);
    res.json(await body(traveller.id));
  });

  // Public, no session: anyone may read how suggestions are ranked before signing in (DSA Art. 27).
  router.get('/ranking', (_req, res) => {
    res.json(rankingExplained(ctx.config));
  });

  router.get('/my-data', requireTraveller(ctx), async (_req, res) => {
    res.json(await myData(ctx, currentTraveller(res)));
  });

  router.get('/my-data/export', requireTraveller(ctx), async (_req, res) => {
    const data = await myData(ctx, currentTraveller(res));
    res.setHeader('Content-Disposition', `attachment; filename="${exportFileName(ctx.clock.now())}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.type('application/json').send(JSON.stringify(data, null, 2));
  });

  // What the traveller did with a place, taken back from My data (as a card's Undo does over the socket).
  router.delete('/my-data/interactions/:kind/*placeId', requireTraveller(ctx), async (req, res) => {
    const segments = (req.params as Record<string, string | string[]>).placeId;
    const placeId = Array.isArray(segments) ? segments.join('/') : (segments ?? '');
    const kind = HeldInteraction.shape.kind.safeParse(req.params.kind);
    const travellerId = currentTraveller(res).id;
    if (!kind.success || !(await takeBackInteraction(ctx, { travellerId, placeId, kind: kind.data }))) {
      throw new HttpError(404, 'not_found', `Nothing "${String(req.params.kind)}" is held for the place ${placeId.slice(0, 80)}.`);
    }
    res.status(204).end();
  });

  // Erasure (GDPR Art. 17): every row, on every instance's graph and caches, the sessions and their sockets.
  router.delete('/my-data', requireTraveller(ctx), async (req, res) => {
    await eraseTraveller(ctx, currentTraveller(res).id);
    res.setHeader('Set-Cookie', clearedSessionCookie(req.secure));
    res.status(204).end();
  });

  router.get('/ranking-settings', requireTraveller(ctx), async (_req, res) => {
    const traveller = currentTraveller(res);
    res.json(rankingSettingsBody(ctx, traveller, await rankingSettingsOf(ctx.db, traveller.id)));
  });

  router.put('/ranking-settings', requireTraveller(ctx), async (req, res) => {
    const traveller = currentTraveller(res);
    const settings = await updateRankingSettings(ctx, traveller, parseBody(RankingSettingsPatch, req.body));
    res.json(rankingSettingsBody(ctx, traveller, settings));
  });

  // Asking instead of guessing: what the traveller says they like, who they travel with, their budget.
  router.get('/profile', requireTraveller(ctx), async (_req, res) => {
    res.json(profileBody(choices, currentTraveller(res)));
  });

  router.put('/profile', requireTraveller(ctx), async (req, res) => {
    const profile = parseBody(ProfileEdit, req.body);
    const traveller = currentTraveller(res);
    await saveProfile(ctx, traveller.id, profile, { onboarded: false });
    res.json(await profileNow(traveller.id));
  });

  router.post('/profile/onboarding', requireTraveller(ctx), async (req, res) => {
    const onboarding = parseBody(OnboardingBody, req.body);
    const traveller = currentTraveller(res);
    await finishOnboarding(ctx, traveller.id, onboarding);
    res.json(await profileNow(traveller.id));
  });

  router.get('/preferences/fewer', requireTraveller(ctx), async (_req, res) => {
    res.json(await fewerLikeList(ctx, currentTraveller(res).id));
  });

  router.post('/preferences/fewer', requireTraveller(ctx), async (req, res) => {
    const { interest } = parseBody(FewerLikeBody, req.body);
    const traveller = currentTraveller(res);
    if (!(await addFewerLike(ctx, traveller.id, interest))) {
      throw new HttpError(409, 'conflict', `You already asked for fewer of ${FEWER_LIKE_MAX} things: take one back in My data first.`);
    }
    res.status(201).json(await fewerLikeList(ctx, traveller.id));
  });

  router.delete('/preferences/fewer/:kind/:id', requireTraveller(ctx), async (req, res) => {
    const interest = FewerLikeInterest.safeParse({ kind: req.params.kind, id: req.params.id });
    const traveller = currentTraveller(res);
    if (!interest.success || !(await removeFewerLike(ctx, traveller.id, interest.data))) {
      throw new HttpError(404, 'not_found', `You had not asked for fewer ${String(req.params.kind)} ${JSON.stringify(req.params.id)}.`);
    }
    res.json(await fewerLikeList(ctx, traveller.id));
  });
  return router;
}
