/**
 * The traveller's control over their data and their feed, over HTTP (server/src/privacy/), each answer
 * checked against the shared contract on receipt (api/api.ts).
 */
import {
  AdvisorNote,
  type AdvisorNoteContent,
  type ConsentCategory,
  type ConsentChange,
  ConsentsBody,
  type FewerLikeBody,
  FewerLikeList,
  type HeldInteraction,
  type InterestRef,
  MyData,
  RankingSettingsBody,
  type RankingSettingsPatch,
} from '@escale/shared';
import { jsonBody, request } from '../api/api.ts';

export const getMyData = () => request('/api/my-data', MyData);
/** The export is a download the browser makes itself (Content-Disposition), from this address. */
export const EXPORT_URL = '/api/my-data/export';
export const eraseMyData = () => request('/api/my-data', null, { method: 'DELETE' });

export const setConsent = (category: ConsentCategory, granted: boolean) => request(`/api/consents/${category}`, ConsentsBody, jsonBody({ granted } satisfies ConsentChange, 'PUT'));

export const getRankingSettings = () => request('/api/ranking-settings', RankingSettingsBody);
export const putRankingSettings = (patch: RankingSettingsPatch) => request('/api/ranking-settings', RankingSettingsBody, jsonBody(patch, 'PUT'));

export const askFewer = (interest: FewerLikeBody['interest']) => request('/api/preferences/fewer', FewerLikeList, jsonBody({ interest } satisfies FewerLikeBody));
export const takeBackFewer = (interest: InterestRef) => request(`/api/preferences/fewer/${interest.kind}/${encodeURIComponent(interest.id)}`, FewerLikeList, { method: 'DELETE' });

/** Takes back a like, a save, "been there" or "not interested" (the place id holds a slash: encoded). */
export const takeBackInteraction = (i: Pick<HeldInteraction, 'kind' | 'placeId'>) => request(`/api/my-data/interactions/${i.kind}/${encodeURIComponent(i.placeId)}`, null, { method: 'DELETE' });

/** The traveller's word on what an advisor noted: corrected (theirs from then on) or erased. */
export const correctAdvisorNote = (id: string, content: AdvisorNoteContent) => request(`/api/my-data/advisor-notes/${encodeURIComponent(id)}`, AdvisorNote, jsonBody(content, 'PUT'));
export const eraseAdvisorNote = (id: string) => request(`/api/my-data/advisor-notes/${encodeURIComponent(id)}`, null, { method: 'DELETE' });
