/**
 * How an instance recognises an erased traveller in the change log without the log keeping their id: the
 * erasure names them by the SHA-256 of their id, and each holder of traveller state looks for it among the
 * ids it holds (its graph's travellers, its connected ones). Erasures are rare; hashing the ids held then is
 * cheap next to keeping an id that should be gone.
 */
import { createHash } from 'node:crypto';
import type { Change } from '@escale/shared';

export const travellerDigest = (travellerId: string): string => createHash('sha256').update(travellerId).digest('hex');

type Erased = Extract<Change, { type: 'traveller_erased' }>;

/** The erased traveller's id if it is among `held`, else null (this instance holds nothing of theirs). */
export function erasedAmong(change: Erased, held: Iterable<string>): string | null {
  if (change.travellerId) return change.travellerId;
  for (const id of held) if (travellerDigest(id) === change.travellerDigest) return id;
  return null;
}
