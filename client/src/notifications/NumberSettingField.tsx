/** One of the number settings, with its bounds (the contract's, in shared/src/push.ts), unit, label and hint. */
import { useTranslation } from 'react-i18next';
import type { NumberSetting } from './draft.ts';
import { Field, NumberInput } from './Field.tsx';
import type { SectionProps } from './section.ts';

const BOUNDS: Record<NumberSetting, { id: string; min: number; max: number; step: number; unit: string }> = {
  moveThresholdMeters: { id: 'move-threshold', min: 50, max: 10_000, step: 50, unit: 'm' },
  minGapMinutes: { id: 'min-gap', min: 30, max: 1440, step: 15, unit: 'min' },
  minMinutesBetweenPushes: { id: 'min-minutes', min: 0, max: 1440, step: 5, unit: 'min' },
};

export function NumberSettingField({ setting, draft, issues, edit }: SectionProps & { setting: NumberSetting }) {
  const { t } = useTranslation();
  const { id, min, max, step, unit } = BOUNDS[setting];
  return (
    <Field id={id} label={t(`notifications.${setting}`)} hint={t(`notifications.${setting}Hint`)} errors={issues[setting]}>
      {(a11y) => <NumberInput a11y={a11y} value={draft[setting]} min={min} max={max} step={step} unit={unit} onChange={(v) => edit((d) => ({ ...d, [setting]: v }))} />}
    </Field>
  );
}
