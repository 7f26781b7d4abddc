/**
 * The demo's console accounts, one per role, in the demo agency: made at start while demo mode is on, and
 * deleted (with their sessions) at start when it is off, so that a published password opens nothing on a
 * real deployment. Their password is shown on the console's sign-in page in demo mode only.
 */
import type { StaffRole } from '@escale/shared';
import { DEMO_AGENCY } from '../catalogue/seed.ts';
import type { Db } from '../store/db.ts';
import { hashPassword } from './passwords.ts';
import { addStaff } from './staff.ts';

export const DEMO_STAFF_PASSWORD = 'escale-demo-console';
export const DEMO_STAFF: readonly { email: string; name: string; role: StaffRole }[] = [
  { email: 'claire@escale-demo.example', name: 'Claire Dubois', role: 'admin' },
  { email: 'sophie@escale-demo.example', name: 'Sophie Martin', role: 'editor' },
  { email: 'hugo@escale-demo.example', name: 'Hugo Lefèvre', role: 'viewer' },
];

export async function syncDemoStaff(db: Db, demoMode: boolean, now: Date): Promise<void> {
  if (!demoMode) {
    await db.deleteFrom('staff').where('demo', '=', 1).execute();
    return;
  }
  const existing = new Set((await db.selectFrom('staff').select('email').where('demo', '=', 1).execute()).map((r) => r.email));
  const missing = DEMO_STAFF.filter((s) => !existing.has(s.email));
  if (missing.length === 0) return;
  const passwordHash = await hashPassword(DEMO_STAFF_PASSWORD);
  for (const member of missing) await addStaff(db, DEMO_AGENCY.id, { ...member, passwordHash, demo: true }, now);
}
