/** A traveller's own account (server/src/auth/accounts.ts): sign in, check an invitation, sign up. */
import { InvitationCheck, type PasswordResetBody, SessionInfo, type TravellerSignInBody, type TravellerSignUpBody } from '@escale/shared';
import { z } from 'zod';
import { jsonBody, request } from '../api/api.ts';

export const signInAccount = (body: TravellerSignInBody) => request('/api/session', SessionInfo, jsonBody(body));
export const checkInvitation = (token: string) => request('/api/signup/check', InvitationCheck, jsonBody({ token }));
export const signUp = (body: TravellerSignUpBody) => request('/api/signup', SessionInfo, jsonBody(body));
export const askAccountReset = (email: string) => request('/api/password-reset', z.object({ message: z.string() }), jsonBody({ email }));
export const setAccountPassword = (body: PasswordResetBody) => request('/api/password', null, jsonBody(body));
