/**
 * The settings form: triggers, pace, quiet hours, then a save bar that stays in view. `noValidate`: the
 * server judges the values and its messages appear beside the fields, the first of which gets focus.
 */
import { type FormEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PaceSettings } from './PaceSettings.tsx';
import { QuietHoursSettings } from './QuietHoursSettings.tsx';
import { SaveBar } from './SaveBar.tsx';
import { TriggerSettings } from './TriggerSettings.tsx';
import type { usePushSettings } from './use-push-settings.ts';

export function NotificationsForm({ settings }: { settings: ReturnType<typeof usePushSettings> }) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const { draft, save, edit } = settings;
  const issues = save.kind === 'failed' ? save.issues : {};

  useEffect(() => {
    if (save.kind === 'failed') form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save]);

  if (!draft) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void settings.submit();
  };
  return (
    <form ref={form} className="settings-form" noValidate onSubmit={submit} aria-label={t('notifications.title')}>
      <TriggerSettings draft={draft} issues={issues} edit={edit} />
      <PaceSettings draft={draft} issues={issues} edit={edit} />
      <QuietHoursSettings draft={draft} issues={issues} edit={edit} />
      <SaveBar save={save} changed={settings.changed} />
    </form>
  );
}
