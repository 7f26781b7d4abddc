/** The demo player's calls: the trips and their files, the session's clock, the comparison and the graph. */
import { DemoComparison, DemoGraph, DemoTrip, DemoTripList, SessionClockInfo, type DemoVariant } from '@escale/shared';
import { jsonBody, request } from '../api/api.ts';

export const getDemoTrips = () => request('/api/demo/trips', DemoTripList);
export const getDemoTrip = (id: string) => request(`/api/demo/trips/${encodeURIComponent(id)}`, DemoTrip);

/** The booking file of an import step, as a File the wallet's import route takes like an upload. */
export async function demoTripFile(tripId: string, index: number, name: string): Promise<File> {
  const res = await fetch(`/api/demo/trips/${encodeURIComponent(tripId)}/steps/${index}/file`, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`The file of step ${index} could not be read (${res.status}).`);
  return new File([await res.blob()], name, { type: 'application/octet-stream' });
}

/** Sets the session's virtual clock: the server's rankings, triggers and quiet hours read it. */
export const setSessionClock = (at: Date, speed: number) => request('/api/session/clock', SessionClockInfo, jsonBody({ at: at.toISOString(), speed }, 'PUT'));

export const getComparison = (lat: number, lon: number, variant: DemoVariant) => request(`/api/demo/compare?lat=${lat}&lon=${lon}&variant=${encodeURIComponent(variant)}`, DemoComparison);

export const getDemoGraph = (placeId: string) => request(`/api/demo/graph/${placeId.split('/').map(encodeURIComponent).join('/')}`, DemoGraph);
