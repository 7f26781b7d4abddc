/**
 * The console's catalogue over HTTP: the places table, create, edit (a pin moved on the map is an edit of
 * lat/lon), discard, archive and restore, publish, and the importer (a dry run, then apply). Who may call
 * each route is the contract's `staff` role (viewer reads, editor writes), enforced by agency/access.ts;
 * every query is scoped to the signed-in member's agency.
 */
import express, { Router } from 'express';
import {
  AdminItemQuery,
  CATALOGUE_ITEM_KINDS,
  ItemIdsBody,
  type ItemChangeResult,
  AdminPlaceQuery,
  CATALOGUE_IMPORT_LIMITS,
  CatalogueImportTarget,
  type ImportProgressLine,
  type PlaceChangeResult,
  PlaceCreate,
  PlaceEdit,
  PlaceIdsBody,
  PublishBody,
} from '@escale/shared';
import type { AppContext } from '../../context.ts';
import { currentStaff } from '../../agency/access.ts';
import { HttpError, parseBody, parseQuery } from '../../http/errors.ts';
import { importCatalogue, type ImportProgress } from '../import/import-catalogue.ts';
import { ImportRefused, type RefusalCode } from '../import/import-refused.ts';
import { bufferSource } from '../import/read-source.ts';
import { createPlace, discardPlace, editPlace, listPlaces } from './places.ts';
import { publish, setArchived } from './publish.ts';
import { CODECS, createItem, discardItem, editItem, listItems, setItemsArchived } from './items.ts';

export const CATALOGUE_IMPORT_PATH = '/agency/catalogue/import';
const FILE_NAME_HEADER = 'x-file-name';

const STATUS_OF_REFUSAL: Record<RefusalCode, number> = { too_large: 413, too_many_places: 413, wrong_format: 415, unreadable: 422, city_needed: 422, plan_changed: 409 };

export function catalogueEditingRoutes(ctx: AppContext): Router {
  const router = Router();
  const agencyOf = (res: express.Response) => currentStaff(res).member.agencyId;

  router.get('/agency/places', async (req, res) => {
    res.json(await listPlaces(ctx.db, agencyOf(res), parseQuery(AdminPlaceQuery, req.query)));
  });

  router.post('/agency/places', async (req, res) => {
    res.status(201).json(await createPlace(ctx.db, agencyOf(res), parseBody(PlaceCreate, req.body), ctx.clock.now()));
  });

  router.put('/agency/places/*placeId', async (req, res) => {
    res.json(await editPlace(ctx.db, agencyOf(res), placeIdOf(req), parseBody(PlaceEdit, req.body), ctx.clock.now()));
  });

  router.delete('/agency/places/*placeId', async (req, res) => {
    await discardPlace(ctx.db, agencyOf(res), placeIdOf(req));
    res.status(204).end();
  });

  router.post('/agency/places/archive', async (req, res) => {
    const { ids } = parseBody(PlaceIdsBody, req.body);
    res.json({ changed: await setArchived(ctx, agencyOf(res), ids, true, ctx.clock.now()) } satisfies PlaceChangeResult);
  });

  router.post('/agency/places/restore', async (req, res) => {
    const { ids } = parseBody(PlaceIdsBody, req.body);
    res.json({ changed: await setArchived(ctx, agencyOf(res), ids, false, ctx.clock.now()) } satisfies PlaceChangeResult);
  });

  // Events, offers and promotions: the same six routes each, over one codec per kind (items.ts).
  for (const kind of CATALOGUE_ITEM_KINDS) {
    const codec = CODECS[kind];
    router.get(`/agency/${kind}`, async (req, res) => {
      res.json(await listItems(ctx.db, kind, agencyOf(res), parseQuery(AdminItemQuery, req.query), ctx.clock.now()));
    });
    router.post(`/agency/${kind}`, async (req, res) => {
      res.status(201).json(await createItem(ctx.db, kind, agencyOf(res), parseBody(codec.create, req.body), ctx.clock.now()));
    });
    router.post(`/agency/${kind}/archive`, async (req, res) => {
      const { ids } = parseBody(ItemIdsBody, req.body);
      res.json({ changed: await setItemsArchived(ctx, kind, agencyOf(res), ids, true, ctx.clock.now()) } satisfies ItemChangeResult);
    });
    router.post(`/agency/${kind}/restore`, async (req, res) => {
      const { ids } = parseBody(ItemIdsBody, req.body);
      res.json({ changed: await setItemsArchived(ctx, kind, agencyOf(res), ids, false, ctx.clock.now()) } satisfies ItemChangeResult);
    });
    router.put(`/agency/${kind}/:id`, async (req, res) => {
      res.json(await editItem(ctx.db, kind, agencyOf(res), String(req.params.id), parseBody(codec.edit, req.body), ctx.clock.now()));
    });
    router.delete(`/agency/${kind}/:id`, async (req, res) => {
      await discardItem(ctx.db, kind, agencyOf(res), String(req.params.id));
      res.status(204).end();
    });
  }

  router.post('/agency/catalogue/publish', async (req, res) => {
    const { ids, kinds } = parseBody(PublishBody, req.body ?? {});
    res.json(await publish(ctx, agencyOf(res), ctx.clock.now(), ids, kinds));
  });

  router.post(CATALOGUE_IMPORT_PATH, express.raw({ type: 'application/octet-stream', limit: CATALOGUE_IMPORT_LIMITS.maxBytes + 1 }), async (req, res) => {
    if (!Buffer.isBuffer(req.body)) throw new HttpError(415, 'unsupported_media_type', 'Send the file itself, with Content-Type: application/octet-stream and its name in X-File-Name.');
    const name = decodeURIComponent(String(req.headers[FILE_NAME_HEADER] ?? 'upload')).slice(0, 255);
    const { mode, ...where } = parseQuery(CatalogueImportTarget, req.query);
    const run = (onProgress?: ImportProgress) =>
      importCatalogue(ctx.db, bufferSource(name, new Uint8Array(req.body as Buffer)), { agencyId: agencyOf(res), target: where, apply: mode === 'apply', now: ctx.clock.now(), onProgress });
    const refusalOf = (err: ImportRefused) => ({ status: STATUS_OF_REFUSAL[err.code], error: { code: 'import_refused', reason: err.code, message: err.message } });

    if (!acceptsStream(req)) {
      try {
        res.json(await run());
      } catch (err) {
        if (!(err instanceof ImportRefused)) throw err;
        // Refused whole, with the reason a console or a script can act on (city_needed: ask for the city).
        const { status, error } = refusalOf(err);
        res.status(status).json({ error });
      }
      return;
    }
    // The console's progress bar: a line per step, at most every PROGRESS_EVERY_MS, then the outcome.
    // no-transform: the compression middleware would otherwise hold the lines back until the end.
    res.status(200).type('application/x-ndjson').setHeader('Cache-Control', 'no-store, no-transform');
    const send = (line: ImportProgressLine) => res.write(`${JSON.stringify(line)}\n`);
    let last = 0;
    let lastPhase = '';
    try {
      const report = await run((phase, done, total) => {
        const now = Date.now();
        if (phase === lastPhase && now - last < PROGRESS_EVERY_MS && done < total) return;
        last = now;
        lastPhase = phase;
        send({ type: 'progress', phase, done, total });
      });
      send({ type: 'report', report });
    } catch (err) {
      if (err instanceof ImportRefused) send({ type: 'error', ...refusalOf(err) });
      else {
        // The status line is gone: the failure is said in the stream, and logged with its detail.
        ctx.logger.error({ err }, 'catalogue import failed');
        send({ type: 'error', status: 500, error: { code: 'internal', message: 'The import failed on the server; nothing was written.' } });
      }
    }
    res.end();
  });

  return router;
}

const PROGRESS_EVERY_MS = 150;

/** The console asks for the streamed answer; any other client gets the report as one JSON document. */
function acceptsStream(req: express.Request): boolean {
  return /application\/x-ndjson/.test(String(req.headers.accept ?? ''));
}

function placeIdOf(req: express.Request): string {
  const raw = req.params.placeId as unknown;
  const id = Array.isArray(raw) ? raw.join('/') : String(raw ?? '');
  if (id.length === 0 || id.length > 200) throw new HttpError(404, 'not_found', 'No such place in your catalogue.');
  return id;
}
