/** A failed request in words: the server's own message, or "you are offline" when it could not be reached. */
import type { TFunction } from 'i18next';
import { ApiFailure } from '../api/api.ts';

export function failureText(e: unknown, t: TFunction): string {
  if (e instanceof ApiFailure && e.code === 'network') return t('mydata.offline');
  return e instanceof Error ? e.message : String(e);
}
