/**
 * Everything the next-POI evaluation derives from the check-in file, the same in every thread: the rows
 * read, the city's clock, the protocol's split and samples, the train statistics and the category mapping.
 */
import path from 'node:path';
import { cityClock, type CityClock } from '../checkins-clock.ts';
import { readCheckins, type ReadResult } from '../checkins-reader.ts';
import { categoryReport, type CategoryReport } from './poi-categories.ts';
import { PROTOCOL, runProtocol, type Protocol, type ProtocolOptions } from './protocol.ts';
import { trainStats, type TrainStats } from './train-stats.ts';

export interface NextPoiState {
  file: string;
  read: ReadResult;
  clock: CityClock;
  protocol: Protocol;
  stats: TrainStats;
  /** What the category mapping did to the train POIs. */
  categories: CategoryReport;
}

export async function prepareNextPoi(file: string, options: ProtocolOptions = PROTOCOL): Promise<NextPoiState> {
  const read = await readCheckins(file);
  const clock = cityClock(read.checkins);
  const protocol = runProtocol(read.checkins, options);
  const stats = trainStats(protocol);
  return { file, read, clock, protocol, stats, categories: categoryReport(stats.categoryName) };
}

/** The city's name for the catalogue: the file's, without its extension. */
export const cityNameOf = (file: string) => path.basename(file).replace(/\.[^.]+$/, '');
