/** "New area": the traveller entered another H3 area than the one of the last push, named when possible. */
import type { Evidence, PushSettings } from '@escale/shared';
import type { PushState } from '../state.ts';
import type { Firing } from './firing.ts';

export function newAreaTrigger(settings: PushSettings, state: PushState, area: string, areaName: string | null): Firing | null {
  if (!settings.triggers.new_area || state.lastArea === null || state.lastArea === area) return null;
  const evidence: Evidence = areaName ? { key: 'trigger.new_area', params: { area: areaName } } : { key: 'trigger.new_area_unnamed', params: {} };
  return { kind: 'new_area', evidence, remember: {} };
}
