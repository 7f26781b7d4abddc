/**
 * Writing advisor notes: an advisor adds, edits or deletes a note for a client of their agency; the
 * traveller corrects or erases one. Each write is one transaction with a `traveller_changed` change, so every
 * instance reads the traveller again and their open feeds are ranked with it at once.
 *
 * A note is kept only with the traveller's profile consent. The consent is read in the writing transaction,
 * locked on PostgreSQL (privacy/profile.ts `profileConsented`): a withdrawal either commits first (and the
 * note is refused) or waits for the note and then deletes it (travellers/consents.ts).
 */
import { randomUUID } from 'node:crypto';
import { ADVISOR_NOTE_LIMITS, type AdvisorNote, type AdvisorNoteContent } from '@escale/shared';
import type { AppContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { profileConsented } from '../privacy/profile.ts';
import type { Db } from '../store/db.ts';
import { clientOf, contentRow, NOTE_COLUMNS, noteOf } from './queries.ts';

export type NoteDeps = Pick<AppContext, 'changes' | 'clock'>;

/** The staff member writing, as the console's session knows them. */
export interface NoteAuthor {
  agencyId: string;
  staffId: string;
  name: string;
}

const NO_CLIENT = 'No such client in your agency.';
const NO_NOTE = 'No such note.';

/** The client, or a 404; then their profile consent, or a 409 that says what to do. */
async function consentingClient(trx: Db, agencyId: string, travellerId: string): Promise<void> {
  const client = await clientOf(trx, agencyId, travellerId);
  if (!client) throw new HttpError(404, 'not_found', NO_CLIENT);
  if (!(await profileConsented(trx, travellerId))) {
    throw new HttpError(
      409,
      'profile_consent_off',
      `${client.name} has not turned on their profile consent, so nothing they told you can be kept. Nothing was stored; they can turn it on in My data.`,
    );
  }
}

async function readNote(trx: Db, travellerId: string, noteId: string): Promise<AdvisorNote> {
  const row = await trx.selectFrom('advisor_notes').select(NOTE_COLUMNS).where('id', '=', noteId).where('traveller_id', '=', travellerId).executeTakeFirst();
  if (!row) throw new HttpError(404, 'not_found', NO_NOTE);
  return noteOf(row);
}

export async function addNote(ctx: NoteDeps, author: NoteAuthor, travellerId: string, content: AdvisorNoteContent): Promise<AdvisorNote> {
  const at = ctx.clock.now().toISOString();
  return ctx.changes.record(
    async (trx) => {
      await consentingClient(trx, author.agencyId, travellerId);
      const held = await trx
        .selectFrom('advisor_notes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('traveller_id', '=', travellerId)
        .executeTakeFirstOrThrow();
      if (Number(held.n) >= ADVISOR_NOTE_LIMITS.perTraveller) {
        throw new HttpError(409, 'conflict', `This client already has ${ADVISOR_NOTE_LIMITS.perTraveller} notes: edit or delete one first.`);
      }
      const id = randomUUID();
      await trx
        .insertInto('advisor_notes')
        .values({
          id,
          traveller_id: travellerId,
          agency_id: author.agencyId,
          staff_id: author.staffId,
          staff_name: author.name,
          ...contentRow(content),
          noted_at: at,
          updated_at: at,
          corrected_at: null,
        })
        .execute();
      return readNote(trx, travellerId, id);
    },
    () => [{ type: 'traveller_changed', travellerId }],
  );
}

/**
 * An advisor rewrites a note: it becomes theirs, noted now. A note the traveller corrected is their word and
 * stays as they left it (409): the advisor adds a new note, or deletes this one.
 */
export async function editNote(ctx: NoteDeps, author: NoteAuthor, travellerId: string, noteId: string, content: AdvisorNoteContent): Promise<AdvisorNote> {
  const at = ctx.clock.now().toISOString();
  return ctx.changes.record(
    async (trx) => {
      await consentingClient(trx, author.agencyId, travellerId);
      const note = await readNote(trx, travellerId, noteId);
      if (note.correctedAt !== null) {
        throw new HttpError(409, 'conflict', 'The client corrected this note themselves: it is their word now. Add a new note, or delete this one.');
      }
      await trx
        .updateTable('advisor_notes')
        .set({ ...contentRow(content), staff_id: author.staffId, staff_name: author.name, noted_at: at, updated_at: at })
        .where('id', '=', noteId)
        .where('traveller_id', '=', travellerId)
        .execute();
      return readNote(trx, travellerId, noteId);
    },
    () => [{ type: 'traveller_changed', travellerId }],
  );
}

/** An advisor deletes a note of a client of their agency (whatever the consent: deleting is always allowed). */
export async function deleteNote(ctx: NoteDeps, agencyId: string, travellerId: string, noteId: string): Promise<void> {
  await ctx.changes.record(
    async (trx) => {
      if (!(await clientOf(trx, agencyId, travellerId))) throw new HttpError(404, 'not_found', NO_CLIENT);
      const result = await trx.deleteFrom('advisor_notes').where('id', '=', noteId).where('traveller_id', '=', travellerId).where('agency_id', '=', agencyId).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw new HttpError(404, 'not_found', NO_NOTE);
    },
    () => [{ type: 'traveller_changed', travellerId }],
  );
}

/** The traveller corrects what was noted: the content is theirs from now on, and says so. */
export async function correctNote(ctx: NoteDeps, travellerId: string, noteId: string, content: AdvisorNoteContent): Promise<AdvisorNote> {
  const at = ctx.clock.now().toISOString();
  return ctx.changes.record(
    async (trx) => {
      await readNote(trx, travellerId, noteId);
      await trx
        .updateTable('advisor_notes')
        .set({ ...contentRow(content), updated_at: at, corrected_at: at })
        .where('id', '=', noteId)
        .where('traveller_id', '=', travellerId)
        .execute();
      return readNote(trx, travellerId, noteId);
    },
    () => [{ type: 'traveller_changed', travellerId }],
  );
}

/** The traveller erases a note; returns whether it was theirs to erase. */
export async function eraseNote(ctx: NoteDeps, travellerId: string, noteId: string): Promise<boolean> {
  return ctx.changes.record(
    async (trx) => Number((await trx.deleteFrom('advisor_notes').where('id', '=', noteId).where('traveller_id', '=', travellerId).executeTakeFirst()).numDeletedRows) > 0,
    (erased) => (erased ? [{ type: 'traveller_changed', travellerId }] : []),
  );
}
