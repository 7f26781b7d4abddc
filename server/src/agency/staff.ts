/** Staff rows, always read and written within one agency (the caller's): the tenancy is in the queries. */
import { randomUUID } from 'node:crypto';
import type { StaffMember, StaffRole } from '@escale/shared';
import type { Db } from '../store/db.ts';

export interface StaffAccount extends StaffMember {
  agencyId: string;
  passwordHash: string | null;
}

type Row = { id: string; agency_id: string; email: string; name: string; role: string; password_hash: string | null; created_at: string };
const accountOf = (r: Row): StaffAccount => ({
  id: r.id,
  agencyId: r.agency_id,
  email: r.email,
  name: r.name,
  role: r.role as StaffRole,
  active: r.password_hash !== null,
  createdAt: r.created_at,
  passwordHash: r.password_hash,
});
export const memberOf = ({ agencyId: _a, passwordHash: _p, ...member }: StaffAccount): StaffMember => member;

const COLUMNS = ['id', 'agency_id', 'email', 'name', 'role', 'password_hash', 'created_at'] as const;

/** By address, across agencies: only sign-in and "forgot my password" look an account up this way. */
export async function staffByEmail(db: Db, email: string): Promise<StaffAccount | null> {
  const row = await db.selectFrom('staff').select(COLUMNS).where('email', '=', email).executeTakeFirst();
  return row ? accountOf(row) : null;
}

/** By id, for a session (which names its member) or a password link. */
export async function staffById(db: Db, id: string): Promise<StaffAccount | null> {
  const row = await db.selectFrom('staff').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? accountOf(row) : null;
}

export async function listStaff(db: Db, agencyId: string): Promise<StaffAccount[]> {
  const rows = await db.selectFrom('staff').select(COLUMNS).where('agency_id', '=', agencyId).orderBy('name').execute();
  return rows.map(accountOf);
}

/** A member of the agency, or null (one of another agency is as unknown as one that does not exist). */
export async function staffInAgency(db: Db, agencyId: string, id: string): Promise<StaffAccount | null> {
  const row = await db.selectFrom('staff').select(COLUMNS).where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst();
  return row ? accountOf(row) : null;
}

export async function addStaff(
  db: Db,
  agencyId: string,
  member: { name: string; email: string; role: StaffRole; passwordHash?: string | null; demo?: boolean },
  now: Date,
): Promise<StaffAccount | null> {
  const id = randomUUID();
  const inserted = await db
    .insertInto('staff')
    .values({
      id,
      agency_id: agencyId,
      email: member.email,
      name: member.name,
      role: member.role,
      password_hash: member.passwordHash ?? null,
      demo: member.demo ? 1 : 0,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return null;
  return staffById(db, id);
}

export async function setStaffPassword(db: Db, id: string, passwordHash: string): Promise<void> {
  await db.updateTable('staff').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

export async function countAdmins(db: Db, agencyId: string): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agency_id', '=', agencyId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
