/**
 * The times meal windows begin: a short list of time inputs, each removable, and "Add a meal time" up to
 * the contract's six. Focus follows the change so a keyboard user is never dropped on the page body.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TimeInput } from '../ui/TimeInput.tsx';
import type { SectionProps } from './section.ts';

const MAX_MEAL_TIMES = 6; // PushSettings.mealTimes allows six
const NEW_MEAL_TIME = '16:00';

export function MealTimesField({ draft, issues, edit }: SectionProps) {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const count = draft.mealTimes.length;
  const previousCount = useRef(count);
  const errors = issues.mealTimes ?? [];

  useEffect(() => {
    // Added: focus the new time. Removed: its button is gone, so focus "Add".
    if (count > previousCount.current) list.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus();
    else if (count < previousCount.current) addButton.current?.focus();
    previousCount.current = count;
  }, [count]);

  const setTimes = (mealTimes: string[]) => edit((d) => ({ ...d, mealTimes }));

  return (
    <fieldset className="meal-times" aria-describedby={errors.length > 0 ? 'meal-times-hint meal-times-error' : 'meal-times-hint'}>
      <legend className="field-label">{t('notifications.mealTimes')}</legend>
      <ul ref={list}>
        {draft.mealTimes.map((time, index) => (
          <li key={index}>
            <label htmlFor={`meal-time-${index}`} className="visually-hidden">
              {t('notifications.mealTime', { number: index + 1 })}
            </label>
            <TimeInput id={`meal-time-${index}`} value={time} aria-invalid={errors.length > 0} onChange={(value) => setTimes(draft.mealTimes.map((m, i) => (i === index ? value : m)))} />
            <button
              type="button"
              className="button button-small"
              aria-label={t('notifications.removeMealTime', { number: index + 1 })}
              onClick={() => setTimes(draft.mealTimes.filter((_, i) => i !== index))}
            >
              {t('notifications.remove')}
            </button>
          </li>
        ))}
      </ul>
      <button
        ref={addButton}
        type="button"
        className="button button-small"
        aria-disabled={count >= MAX_MEAL_TIMES}
        onClick={() => count < MAX_MEAL_TIMES && setTimes([...draft.mealTimes, NEW_MEAL_TIME])}
      >
        {t('notifications.addMealTime')}
      </button>
      <p id="meal-times-hint" className="field-hint">
        {t('notifications.mealTimesHint')}
      </p>
      {errors.length > 0 && (
        <p id="meal-times-error" className="field-error">
          {errors.join(' ')}
        </p>
      )}
    </fieldset>
  );
}
