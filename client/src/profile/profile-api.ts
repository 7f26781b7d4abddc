/** The traveller's profile and onboarding over HTTP (server/src/privacy/profile.ts), checked against the contract on receipt. */
import { type OnboardingBody, ProfileBody, type ProfileEdit } from '@escale/shared';
import { jsonBody, request } from '../api/api.ts';

export const getProfile = () => request('/api/profile', ProfileBody);
export const putProfile = (edit: ProfileEdit) => request('/api/profile', ProfileBody, jsonBody(edit, 'PUT'));
export const finishOnboarding = (body: OnboardingBody) => request('/api/profile/onboarding', ProfileBody, jsonBody(body));
