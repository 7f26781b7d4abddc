/** How often unasked suggestions may come: the pause between two, and whether a suggestion may come back the same day. */
import { useTranslation } from 'react-i18next';
import { Checkbox } from './Field.tsx';
import { NumberSettingField } from './NumberSettingField.tsx';
import type { SectionProps } from './section.ts';

export function PaceSettings({ draft, issues, edit }: SectionProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="settings-group">
      <legend>{t('notifications.pace')}</legend>
      <NumberSettingField setting="minMinutesBetweenPushes" draft={draft} issues={issues} edit={edit} />
      <Checkbox label={t('notifications.repeatSameDay')} checked={draft.repeatSameDay} onChange={(on) => edit((d) => ({ ...d, repeatSameDay: on }))} />
    </fieldset>
  );
}
