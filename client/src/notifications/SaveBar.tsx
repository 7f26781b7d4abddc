/**
 * Save, and what became of the last save: saving, saved, or refused with the reason. The button is never
 * `disabled` (a focused disabled button drops keyboard focus); it says so with aria-disabled instead.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SaveState } from './use-push-settings.ts';

export function SaveBar({ save, changed }: { save: SaveState; changed: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="save-bar">
      <button type="submit" className="button button-primary" aria-disabled={!changed || save.kind === 'saving'}>
        {t('notifications.save')}
      </button>
      <p className="save-status" role="status">
        {save.kind === 'saving' && t('notifications.saving')}
        {save.kind === 'saved' && (
          <>
            <span aria-hidden="true">✓ </span>
            {t('notifications.saved')}
          </>
        )}
        {save.kind === 'idle' && !changed && t('notifications.unchanged')}
      </p>
      {save.kind === 'failed' && (
        <p className="save-error" role="alert">
          {failureText(save, t)}
        </p>
      )}
    </div>
  );
}

/** Field problems are shown beside their fields, so the summary only points there; the rest is said here. */
function failureText(save: Extract<SaveState, { kind: 'failed' }>, t: TFunction): string {
  const fieldErrors = Object.keys(save.issues).some((field) => field !== 'form');
  const formErrors = (save.issues.form ?? []).join(' ');
  if (fieldErrors) return [t('notifications.saveInvalid'), formErrors].filter(Boolean).join(' ');
  return t('notifications.saveFailed', { message: formErrors || save.message });
}
