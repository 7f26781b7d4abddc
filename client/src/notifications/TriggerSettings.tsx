/**
 * The automatic triggers, one checkbox each. A trigger's own setting (the distance for "moved", the meal
 * times, the shortest free time) sits under it and shows only while the trigger is on.
 */
import { AUTO_TRIGGERS, type AutoTrigger } from '@escale/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox } from './Field.tsx';
import { MealTimesField } from './MealTimesField.tsx';
import { NumberSettingField } from './NumberSettingField.tsx';
import type { SectionProps } from './section.ts';

export function TriggerSettings(props: SectionProps) {
  const { t } = useTranslation();
  const { draft, edit } = props;
  const setTrigger = (trigger: AutoTrigger, on: boolean) => edit((d) => ({ ...d, triggers: { ...d.triggers, [trigger]: on } }));

  return (
    <fieldset className="settings-group">
      <legend>{t('notifications.triggers')}</legend>
      <ul className="trigger-list">
        {AUTO_TRIGGERS.map((trigger) => (
          <li key={trigger}>
            <Checkbox label={t(`notifications.trigger.${trigger}`)} checked={draft.triggers[trigger]} onChange={(on) => setTrigger(trigger, on)} />
            {draft.triggers[trigger] && <TriggerDetail trigger={trigger} {...props} />}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function TriggerDetail({ trigger, ...props }: SectionProps & { trigger: AutoTrigger }): ReactNode {
  switch (trigger) {
    case 'moved':
      return <NumberSettingField setting="moveThresholdMeters" {...props} />;
    case 'meal_window':
      return <MealTimesField {...props} />;
    case 'wallet_gap':
      return <NumberSettingField setting="minGapMinutes" {...props} />;
    default:
      return null;
  }
}
