/**
 * Areas are H3 cells at resolution 8 (about 0.7 km², a few blocks): small enough that "entered a new area"
 * means something on foot, large enough that a walk does not change area every minute.
 */
import { gridDisk, latLngToCell } from 'h3-js';

export const AREA_RESOLUTION = 8;

export function areaOf(lat: number, lon: number): string {
  return latLngToCell(lat, lon, AREA_RESOLUTION);
}

export function neighbourAreas(area: string): string[] {
  return gridDisk(area, 1).filter((a) => a !== area);
}
