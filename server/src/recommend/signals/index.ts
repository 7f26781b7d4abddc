/** The signals the ranker runs, in the order the Why panel lists them. */
import { agency } from './agency.ts';
import { budget } from './budget.ts';
import { interests } from './interests.ts';
import { party } from './party.ts';
import { popularity } from './popularity.ts';
import { proximity } from './proximity.ts';
import type { Signal } from './signal.ts';
import { taste } from './taste.ts';
import { timing } from './timing.ts';
import { trip } from './trip.ts';

export const SIGNALS: readonly Signal[] = [proximity, timing, interests, taste, trip, party, budget, popularity, agency];
