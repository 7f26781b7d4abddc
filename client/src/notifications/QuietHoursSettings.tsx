/** Quiet hours: on or off, and from when until when (on the city's clock, possibly across midnight). */
import { useTranslation } from 'react-i18next';
import { TimeInput } from '../ui/TimeInput.tsx';
import type { SettingsDraft } from './draft.ts';
import { Checkbox, Field } from './Field.tsx';
import type { SectionProps } from './section.ts';

type Bound = 'from' | 'until';

export function QuietHoursSettings({ draft, issues, edit }: SectionProps) {
  const { t } = useTranslation();
  const set = (change: Partial<SettingsDraft['quietHours']>) => edit((d) => ({ ...d, quietHours: { ...d.quietHours, ...change } }));
  const bound = (name: Bound) => (
    <Field id={`quiet-${name}`} label={t(`notifications.${name}`)} errors={issues[`quietHours.${name}`]}>
      {(a11y) => <TimeInput {...a11y} value={draft.quietHours[name]} onChange={(value) => set({ [name]: value })} />}
    </Field>
  );
  return (
    <fieldset className="settings-group" aria-describedby="quiet-hint">
      <legend>{t('notifications.quietHours')}</legend>
      <Checkbox label={t('notifications.quietHoursEnabled')} checked={draft.quietHours.enabled} onChange={(enabled) => set({ enabled })} />
      {draft.quietHours.enabled && (
        <div className="field-row">
          {bound('from')}
          {bound('until')}
        </div>
      )}
      <p id="quiet-hint" className="field-hint">
        {t('notifications.quietHoursHint')}
      </p>
    </fieldset>
  );
}
