/**
 * Advisor notes over HTTP. The console's side (`/api/agency/clients…`): the agency's clients with their
 * consent and notes (viewer), a note added, edited or deleted (editor); who may call each is the contract's
 * `staff` role, enforced by agency/access.ts, and every query takes the member's agency. The traveller's side
 * (`/api/my-data/advisor-notes/{id}`): a note corrected or erased; reading them is part of My data.
 */
import { Router, type Request } from 'express';
import { AdvisorNoteContent, AgencyClientQuery, CATEGORY_IDS, type ProfileChoices } from '@escale/shared';
import { currentStaff } from '../agency/access.ts';
import { currentTraveller, requireTraveller } from '../auth/require-traveller.ts';
import type { AppContext } from '../context.ts';
import { HttpError, parseBody, parseQuery } from '../http/errors.ts';
import { ProfileChoiceIndex } from '../privacy/profile-choices.ts';
import { listClients } from './clients.ts';
import { addNote, correctNote, deleteNote, editNote, eraseNote, type NoteAuthor } from './notes.ts';

/** A path parameter, or a 404 (an id no record could have is answered like an unknown one). */
function param(req: Request, name: string, notFound: string): string {
  const value = req.params[name];
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) throw new HttpError(404, 'not_found', notFound);
  return value;
}

export function advisorNoteRoutes(ctx: AppContext): Router {
  const router = Router();
  const choices = new ProfileChoiceIndex(ctx.graph);
  const author = (res: Parameters<typeof currentStaff>[0]): NoteAuthor => {
    const { member } = currentStaff(res);
    return { agencyId: member.agencyId, staffId: member.id, name: member.name };
  };
  const client = (req: Request) => param(req, 'travellerId', 'No such client in your agency.');
  const note = (req: Request) => param(req, 'noteId', 'No such note.');

  router.get('/agency/clients', async (req, res) => {
    const query = parseQuery(AgencyClientQuery, req.query);
    res.json(await listClients(ctx.db, currentStaff(res).member.agencyId, query, (cities) => unionOf(cities.map((c) => choices.of(c)))));
  });

  router.post('/agency/clients/:travellerId/notes', async (req, res) => {
    const content = parseBody(AdvisorNoteContent, req.body);
    res.status(201).json(await addNote(ctx, author(res), client(req), content));
  });

  router.put('/agency/clients/:travellerId/notes/:noteId', async (req, res) => {
    const content = parseBody(AdvisorNoteContent, req.body);
    res.json(await editNote(ctx, author(res), client(req), note(req), content));
  });

  router.delete('/agency/clients/:travellerId/notes/:noteId', async (req, res) => {
    await deleteNote(ctx, currentStaff(res).member.agencyId, client(req), note(req));
    res.status(204).end();
  });

  // The traveller's word: what was noted, corrected by them or erased.
  router.put('/my-data/advisor-notes/:id', requireTraveller(ctx), async (req, res) => {
    const content = parseBody(AdvisorNoteContent, req.body);
    res.json(await correctNote(ctx, currentTraveller(res).id, param(req, 'id', 'No such note.'), content));
  });

  router.delete('/my-data/advisor-notes/:id', requireTraveller(ctx), async (req, res) => {
    if (!(await eraseNote(ctx, currentTraveller(res).id, param(req, 'id', 'No such note.')))) throw new HttpError(404, 'not_found', 'No such note.');
    res.status(204).end();
  });
  return router;
}

/** The choices of several cities as one list each (categories in their usual order, tags most common first). */
function unionOf(list: readonly ProfileChoices[]): ProfileChoices {
  const categories = new Set(list.flatMap((c) => c.categories));
  return {
    categories: CATEGORY_IDS.filter((c) => categories.has(c)),
    cuisines: [...new Set(list.flatMap((c) => c.cuisines))],
    music: [...new Set(list.flatMap((c) => c.music))],
  };
}
