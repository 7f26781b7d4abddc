/** Each traveller's push settings, stored with their profile (null in the row means the defaults). */
import { DEFAULT_PUSH_SETTINGS, PushSettings } from '@escale/shared';
import type { Db } from '../store/db.ts';

export async function loadPushSettings(db: Db, travellerId: string): Promise<PushSettings> {
  const row = await db.selectFrom('travellers').select('push_settings').where('id', '=', travellerId).executeTakeFirst();
  if (!row?.push_settings) return DEFAULT_PUSH_SETTINGS;
  // Stored settings were validated on the way in; a row from an older shape falls back field by field.
  const parsed = PushSettings.safeParse({ ...DEFAULT_PUSH_SETTINGS, ...(JSON.parse(row.push_settings) as object) });
  return parsed.success ? parsed.data : DEFAULT_PUSH_SETTINGS;
}

export async function savePushSettings(db: Db, travellerId: string, settings: PushSettings): Promise<void> {
  await db
    .updateTable('travellers')
    .set({ push_settings: JSON.stringify(PushSettings.parse(settings)) })
    .where('id', '=', travellerId)
    .execute();
}
