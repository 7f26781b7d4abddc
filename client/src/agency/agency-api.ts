/** The agency console's calls (server/src/agency/), each answer checked against the shared contract on receipt. */
import {
  AgencyOverview,
  type AgencyRanking,
  AgencyRankingBody,
  DemoStaffList,
  InvitationCreated,
  InvitationList,
  type PasswordResetBody,
  type PreviewBody,
  PreviewResult,
  type StaffCreateBody,
  StaffCreated,
  StaffList,
  StaffMember,
  type StaffRole,
  StaffSessionInfo,
  type StaffSignInBody,
} from '@escale/shared';
import { z } from 'zod';
import { ApiFailure, jsonBody, request } from '../api/api.ts';

/** Who is signed in to the console, or null (401: nobody). */
export async function getStaffSession(): Promise<StaffSessionInfo | null> {
  try {
    return await request('/api/agency/session', StaffSessionInfo);
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 401) return null;
    throw e;
  }
}
export const signInStaff = (body: StaffSignInBody) => request('/api/agency/session', StaffSessionInfo, jsonBody(body));
export const signOutStaff = () => request('/api/agency/session', null, { method: 'DELETE' });
export const signOutEverywhere = () => request('/api/agency/sessions', null, { method: 'DELETE' });
/** The demo's accounts, or null when demo mode is off. */
export const getDemoAccounts = () => request('/api/agency/demo-accounts', DemoStaffList).catch(() => null);
export const getOverview = () => request('/api/agency/overview', AgencyOverview);
export const getStaff = () => request('/api/agency/staff', StaffList);
export const addStaff = (body: StaffCreateBody) => request('/api/agency/staff', StaffCreated, jsonBody(body));
export const setStaffRole = (id: string, role: StaffRole) => request(`/api/agency/staff/${encodeURIComponent(id)}/role`, StaffMember, jsonBody({ role }, 'PUT'));
export const removeStaff = (id: string) => request(`/api/agency/staff/${encodeURIComponent(id)}`, null, { method: 'DELETE' });
export const askPasswordReset = (email: string) => request('/api/agency/password-reset', z.object({ message: z.string() }), jsonBody({ email }));
export const setPassword = (body: PasswordResetBody) => request('/api/agency/password', null, jsonBody(body));
export const getInvitations = () => request('/api/agency/invitations', InvitationList);
export const createInvitation = (note: string) => request('/api/agency/invitations', InvitationCreated, jsonBody({ note }));
export const getRanking = () => request('/api/agency/ranking', AgencyRankingBody);
export const putRanking = (settings: AgencyRanking) => request('/api/agency/ranking', AgencyRankingBody, jsonBody(settings, 'PUT'));
export const previewFeed = (body: PreviewBody) => request('/api/agency/preview', PreviewResult, jsonBody(body));
