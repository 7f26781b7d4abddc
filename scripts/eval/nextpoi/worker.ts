/** A next-POI worker thread: rebuilds the state from the file (deterministic) and ranks its share of cases. */
import { parentPort, workerData } from 'node:worker_threads';
import { rankCases, type Case } from './evaluate.ts';
import type { Blends, MethodId } from './methods.ts';
import { prepareNextPoi } from './prepare.ts';

process.env.TZ = 'UTC';
const { file, blends, cases, methods } = workerData as { file: string; blends: Blends; cases: Case[]; methods: MethodId[] };
const state = await prepareNextPoi(file);
parentPort!.postMessage(rankCases(state, blends, cases, methods));
