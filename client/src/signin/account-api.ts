/** A traveller's own account (server/src/auth/accounts.ts): sign in, check an invitation, sign up. */
import { InvitationCheck, SessionInfo, type TravellerSignInBody, type TravellerSignUpBody } from '@escale/shared';
import { jsonBody, request } from '../api/api.ts';

export const signInAccount = (body: TravellerSignInBody) => request('/api/session', SessionInfo, jsonBody(body));
export const checkInvitation = (token: string) => request('/api/signup/check', InvitationCheck, jsonBody({ token }));
export const signUp = (body: TravellerSignUpBody) => request('/api/signup', SessionInfo, jsonBody(body));
