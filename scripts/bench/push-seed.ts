/**
 * The database of `npm run bench:push`: the Paris demo catalogue and N distinct travellers, each with a
 * session, written with the server's own modules. The demo sign-in maps a persona to one traveller, so it
 * cannot give N; profiles here are varied copies of the personas, every consent on.
 */
import path from 'node:path';
import type { Insertable } from 'kysely';
import { SessionClocks } from '../../server/src/auth/session-clocks.ts';
import { createSession } from '../../server/src/auth/sessions.ts';
import { loadCatalogueFiles } from '../../server/src/catalogue/load-files.ts';
import { DEMO_AGENCY, seedDemoCatalogue } from '../../server/src/catalogue/seed.ts';
import { loadConfig, REPO_ROOT } from '../../server/src/config.ts';
import { openSqlite } from '../../server/src/store/db.ts';
import { openPostgres } from '../../server/src/store/postgres.ts';
import { migrateToLatest } from '../../server/src/store/migrate.ts';
import type { Database } from '../../server/src/store/schema.ts';
import { CONSENT_CATEGORIES, localParts, toZonedIso, zonedTimeToUtc, type InterestRef, type PersonaRecord } from '../../shared/src/index.ts';
import { mulberry32, randInt, type Rng } from './random.ts';

const DAY_MS = 86_400_000;
/** Rows per multi-row INSERT: 500 × 11 columns stays far below SQLite's 32,766 bound variables. */
const CHUNK = 500;

export interface SeededTravellers {
  /** Session tokens, one per traveller (the cookie value of `escale_session`). */
  tokens: string[];
  interactions: number;
  clockOffsetMs: number;
  /** The sessions' time at seeding, with the city's offset. */
  cityTime: string;
}

function pick<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(randInt(rng, pool.length), 1)[0]!);
  return out;
}

/** A persona with some of its likes, maybe one of another persona's, a budget one step either way. */
function variation(rng: Rng, persona: PersonaRecord, allLikes: InterestRef[]) {
  const likes = pick(rng, persona.likes, 1 + randInt(rng, Math.max(1, persona.likes.length)));
  const extra = allLikes[randInt(rng, allLikes.length)];
  if (extra && rng() < 0.5 && !likes.some((l) => l.kind === extra.kind && l.id === extra.id)) likes.push(extra);
  const liked = (d: InterestRef) => likes.some((l) => l.kind === d.kind && l.id === d.id);
  return {
    likes,
    dislikes: persona.dislikes.filter((d) => !liked(d)),
    budget: Math.min(4, Math.max(1, persona.budget + randInt(rng, 3) - 1)),
  };
}

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * `cityTime`: every session's clock (auth/session-clocks.ts, as the demo mode sets it) reads that time of
 * `now`'s day in the city at `now`, and runs at real speed from there; `clockOffsetMs` is its lead over the
 * real clock, for a server that has no sessions' clocks (the baseline).
 */
export async function seedPushBench(where: { dataDir: string; databaseUrl?: string }, count: number, seed: number, now: Date, cityTime: { hour: number; minute: number }): Promise<SeededTravellers> {
  const { config } = loadConfig({ ESCALE_DATA_DIR: where.dataDir });
  const { db, file, close } = where.databaseUrl ? await openPostgres(where.databaseUrl) : openSqlite(config.dataDir);
  try {
    await migrateToLatest(db, file);
    const files = loadCatalogueFiles(path.join(REPO_ROOT, 'data/paris'), config.personasFile);
    await seedDemoCatalogue(db, files, now);

    const { year, month, day } = localParts(now, files.city.timezone);
    const virtualAt = zonedTimeToUtc({ year, month, day, ...cityTime }, files.city.timezone);
    const rng = mulberry32(seed);
    const allLikes = files.personas.flatMap((p) => p.likes);
    const placeIds = files.places.map((p) => p.id);
    const stamp = now.toISOString();
    const travellers: Insertable<Database['travellers']>[] = [];
    const consents: Insertable<Database['consents']>[] = [];
    const interactions: Insertable<Database['interactions']>[] = [];
    for (let i = 0; i < count; i++) {
      const persona = files.personas[i % files.personas.length]!;
      const id = `bench-${String(i).padStart(6, '0')}`;
      const v = variation(rng, persona, allLikes);
      travellers.push({
        id,
        agency_id: DEMO_AGENCY.id,
        name: `${persona.name} ${i}`,
        locale: persona.locale,
        city_id: files.city.id,
        persona_id: null, // not a demo persona: the demo sign-in must not find these
        likes: JSON.stringify(v.likes),
        dislikes: JSON.stringify(v.dislikes),
        party: JSON.stringify(persona.party),
        budget: v.budget,
        created_at: stamp,
      });
      for (const category of CONSENT_CATEGORIES) consents.push({ traveller_id: id, category, granted: 1, updated_at: stamp });
      // The persona's history plus a few visits of their own, so the taste walk has co-visits to follow.
      const own = pick(rng, placeIds, randInt(rng, 4)).map((placeId) => ({ placeId, kind: 'visited' as const, daysAgo: 1 + randInt(rng, 60) }));
      // One row per (place, kind), as the store holds them: a visit the persona already has is not added twice.
      const known = new Set(persona.history.map((h) => `${h.placeId} ${h.kind}`));
      for (const h of [...persona.history, ...own.filter((h) => !known.has(`${h.placeId} ${h.kind}`))]) {
        interactions.push({ traveller_id: id, place_id: h.placeId, kind: h.kind, at: new Date(now.getTime() - h.daysAgo * DAY_MS).toISOString() });
      }
    }
    const tokens: string[] = [];
    await db.transaction().execute(async (trx) => {
      await inChunks(travellers, (rows) => trx.insertInto('travellers').values(rows).execute());
      await inChunks(consents, (rows) => trx.insertInto('consents').values(rows).execute());
      await inChunks(interactions, (rows) => trx.insertInto('interactions').values(rows).execute());
      const clocks = new SessionClocks(trx, { now: () => now });
      for (const t of travellers) {
        const { token, session } = await createSession(trx, t.id, now, config.sessionTtlMs);
        await clocks.set(session.id, { at: virtualAt, speed: 1 });
        tokens.push(token);
      }
    });
    return { tokens, interactions: interactions.length, clockOffsetMs: virtualAt.getTime() - now.getTime(), cityTime: toZonedIso(virtualAt, files.city.timezone) };
  } finally {
    await close();
  }
}
