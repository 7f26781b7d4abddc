/** A replay worker thread: rebuilds the replay from the file (deterministic) and ranks its share of cases. */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareReplay, replayCases, type ReplayBlends, type ReplayCase } from './replay.ts';

process.env.TZ = 'UTC';
const { file, cases, blends } = workerData as { file: string; cases: ReplayCase[]; blends: ReplayBlends };
const state = await prepareReplay(file);
parentPort!.postMessage(replayCases(state, cases, blends));
