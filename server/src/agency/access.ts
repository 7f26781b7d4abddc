/**
 * Who may call what, decided in one place from the contract (shared/src/api-routes.ts), before any route
 * runs: a route marked `session` needs a traveller's session, one marked `staff` a console session of at
 * least that role. A route cannot forget its rule, because the rule is not in the route. What a staff
 * route reads and writes is then scoped by `currentStaff(res).agencyId` in its queries (agency/staff.ts…),
 * and the tenancy matrix (tests/integration/tenancy.test.ts) calls every route across agencies and
 * travellers to prove it.
 */
import { API_ROUTES, type ApiRoute, expressPath, roleAllows, type StaffRole } from '@escale/shared';
import type { RequestHandler } from 'express';
import type { AppContext } from '../context.ts';
import { requireTraveller } from '../auth/require-traveller.ts';
import { HttpError } from '../http/errors.ts';
import { staffById, type StaffAccount } from './staff.ts';
import { type StaffSession, staffSessionOfCookie } from './staff-sessions.ts';

export interface SignedInStaff {
  session: StaffSession;
  member: StaffAccount;
}

/** "/api/places/{id}" → /^\/api\/places\/[^/]+$/ ("*id" in Express: the rest of the path). */
function matcherOf(route: ApiRoute): RegExp {
  const pattern = expressPath(route)
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.startsWith('*') ? '.+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  // Express matches paths case-insensitively and forgives a trailing slash: so does the guard, or
  // "/API/agency/staff/" would reach the route without its check.
  return new RegExp(`^${pattern}/?$`, 'i');
}

// Literal paths first: "/api/wallet/import" is not "/api/wallet/{id}".
const ROUTES = API_ROUTES.map((route) => ({ route, re: matcherOf(route), params: (route.path.match(/\{/g) ?? []).length })).sort((a, b) => a.params - b.params);

export function contractRouteOf(method: string, path: string): ApiRoute | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  return ROUTES.find((r) => r.route.method === m && r.re.test(path))?.route;
}

export function accessGuard(ctx: AppContext): RequestHandler {
  const traveller = requireTraveller(ctx);
  return async (req, res, next) => {
    const route = contractRouteOf(req.method, `${req.baseUrl}${req.path}`);
    if (!route) return next(); // not an API route: the 404 that follows says so
    if (route.staff) {
      res.locals.staff = await requireStaff(ctx, req.headers.cookie, route.staff);
      return next();
    }
    if (route.session) return traveller(req, res, next);
    next();
  };
}

async function requireStaff(ctx: Pick<AppContext, 'db' | 'clock'>, cookie: string | undefined, needed: StaffRole): Promise<SignedInStaff> {
  const session = await staffSessionOfCookie(ctx.db, cookie, ctx.clock.now());
  const member = session ? await staffById(ctx.db, session.staffId) : null;
  if (!session || !member) throw new HttpError(401, 'unauthenticated', 'Sign in to the agency console first.');
  if (!roleAllows(member.role, needed)) throw new HttpError(403, 'forbidden', `This needs the ${needed} role; you are ${member.role}.`);
  return { session, member };
}

/** The signed-in staff member of a `staff` route (the guard put them there). */
export function currentStaff(res: { locals: Record<string, unknown> }): SignedInStaff {
  const staff = res.locals.staff as SignedInStaff | undefined;
  if (!staff) throw new Error('currentStaff on a route the contract does not mark as a staff route');
  return staff;
}
